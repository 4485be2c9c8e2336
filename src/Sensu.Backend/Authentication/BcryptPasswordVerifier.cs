namespace Sensu.Backend.Authentication;

/// <inheritdoc cref="IPasswordVerifier"/>
public sealed class BcryptPasswordVerifier : IPasswordVerifier
{
    public bool Verify(string password, string hash) => PasswordHasher.Verify(password, hash);
}
