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
        if (user.PasswordHash is not null)
        {
            if (!PasswordHasher.IsBcryptHash(user.PasswordHash))
                throw new ResourceValidationException("password_hash must be a bcrypt hash");
            return;
        }
        var existing = await users.FindAsync(user.Username ?? string.Empty, cancellationToken).ConfigureAwait(false);
        user.PasswordHash = existing?.PasswordHash
            ?? throw new ResourceValidationException("password can't be empty");
    }
}
