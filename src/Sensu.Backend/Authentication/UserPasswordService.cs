using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Backend.Authentication;

/// <inheritdoc cref="IUserPasswordService"/>
public sealed class UserPasswordService(UserDirectory users) : IUserPasswordService
{
    public async ValueTask PrepareAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Password is not null && !string.IsNullOrEmpty(user.PasswordHash))
        {
            // Both given, as Sensu: they must match, and then the given hash is kept. A hash equal to the stored one is
            // the current password carried along (PATCH, the password routes): the new password replaces it.
            if (PasswordHasher.Verify(user.Password, user.PasswordHash))
            {
                user.Password = null;
                return;
            }
            var stored = await users.FindAsync(user.Username ?? string.Empty, cancellationToken);
            if (!string.Equals(stored?.PasswordHash, user.PasswordHash, StringComparison.Ordinal))
                throw new ResourceValidationException("hashed password does not the match the cleartext password, only one of those should be provided");
        }
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
        // Neither given: an existing user keeps its hash (Sensu refuses; see docs/validation-differences.md), so a
        // dumped user, which has neither (as in Sensu), can be created again where it exists.
        var existing = await users.FindAsync(user.Username ?? string.Empty, cancellationToken);
        user.PasswordHash = existing?.PasswordHash
            ?? throw new ResourceValidationException("a password or its hash is required");
    }
}
