using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authentication;

/// <summary>A user as <see cref="AuthStateView"/> holds it, with the <see cref="PasswordStamp"/> of its hash computed once.</summary>
public sealed record UserEntry(User User, string Stamp)
{
    public static UserEntry Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserEntry(user, PasswordStamp.Of(user.PasswordHash));
    }
}
