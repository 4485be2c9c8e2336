using Sensu.Backend.Apid;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authentication;

/// <summary>Hashes passwords of users written through the generic API (PUT/POST/PATCH of <c>users</c>).</summary>
public sealed class UserWriteHook(IUserPasswordService passwords) : IResourceWriteHook
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(User);

    public ValueTask BeforeWriteAsync(ResourceType type, IResource resource, CancellationToken cancellationToken) =>
        resource is User user ? passwords.PrepareAsync(user, cancellationToken) : ValueTask.CompletedTask;
}
