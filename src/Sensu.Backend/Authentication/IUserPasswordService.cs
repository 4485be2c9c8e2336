using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authentication;

/// <summary>Turns the password of a user being written into its bcrypt <c>password_hash</c>.</summary>
public interface IUserPasswordService
{
    /// <summary>
    /// Before a user is stored: a clear-text <c>password</c> is checked (≥ 8 characters), hashed into
    /// <c>password_hash</c> and removed; without one, a given <c>password_hash</c> must be bcrypt, else the stored
    /// user's hash is kept; a new user with neither is refused (<see cref="Core.Validation.ResourceValidationException"/>).
    /// </summary>
    ValueTask PrepareAsync(User user, CancellationToken cancellationToken);
}
