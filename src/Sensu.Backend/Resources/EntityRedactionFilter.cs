using System.Security.Claims;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Resources;

/// <summary>
/// Entity labels and annotations named by the entity's <c>redact</c> list (or the default list) leave the API
/// as <c>REDACTED</c>, on lists and single GETs alike (secrets-spec §5.2); the store keeps the real values.
/// </summary>
public sealed class EntityRedactionFilter : IResourceOutputFilter
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(Entity);

    public ValueTask<IResource?> FilterAsync(ResourceType type, IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IResource?>(resource is Entity entity ? entity.GetRedacted() : resource);
}
