using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Backend.Authentication;

/// <inheritdoc cref="IUserPasswordService"/>
public sealed class UserPasswordService(UserDirectory users) : IUserPasswordService
{
    public async ValueTask PrepareAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Password is not null)
        {
            user.ValidatePassword();
            user.PasswordHash = PasswordHasher.Hash(user.Password);
            user.Password = null;
            return;
        }
        // A given password_hash is stored as it is, as Sensu does: one that is not a bcrypt hash matches no password
        // (logins of that user fail after the same bcrypt work as any other failure).
        if (!string.IsNullOrEmpty(user.PasswordHash))
            return;
        var existing = await users.FindAsync(user.Username ?? string.Empty, cancellationToken).ConfigureAwait(false);
        user.PasswordHash = existing?.PasswordHash
            ?? throw new ResourceValidationException("password can't be empty");
    }
}
