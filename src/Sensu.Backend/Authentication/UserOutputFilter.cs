using System.Security.Claims;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authentication;

/// <summary>Never lets a clear-text <c>password</c> leave the API.</summary>
public sealed class UserOutputFilter : IResourceOutputFilter
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(User);

    public ValueTask<IResource?> FilterAsync(ResourceType type, IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IResource?>(resource is User u ? u.ForOutput() : resource);
}
