using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Hashes passwords of users written through the API (generic PUT/POST/PATCH of <c>users</c> and the user routes),
/// and ends the user's sessions, on this backend at once and in the store, when the write gives a new password or
/// disables the user, or when the user is deleted. (Other backends also end them when the change reaches them:
/// <see cref="AuthStateView"/>.) Sessions end before the write commits: if the write then fails, the user logs in again.
/// </summary>
public sealed class UserWriteHook(IUserPasswordService passwords, UserDirectory users, AuthSessions sessions) : IResourceWriteHook
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(User);

    public async ValueTask BeforeWriteAsync(ResourceType type, IResource resource, CancellationToken cancellationToken)
    {
        if (resource is not User user)
            return;
        var newPassword = user.Password is not null;
        var givenHash = user.PasswordHash;
        await passwords.PrepareAsync(user, cancellationToken);
        var name = user.Username ?? string.Empty;
        var revoke = newPassword || user.Disabled;
        if (!revoke && givenHash is not null)
            revoke = await users.FindAsync(name, cancellationToken) is { } existing
                && !string.Equals(existing.PasswordHash, givenHash, StringComparison.Ordinal);
        if (revoke)
            await sessions.RevokeUserAsync(name, cancellationToken);
    }

    public async ValueTask BeforeDeleteAsync(ResourceType type, ResourceKey key, CancellationToken cancellationToken)
    {
        await sessions.RevokeUserAsync(key.Name, cancellationToken);
    }
}
