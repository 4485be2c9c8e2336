namespace Sensu.Backend.Authentication;

/// <summary>
/// bcrypt hashing compatible with Sensu's <c>password_hash</c> (Go's <c>golang.org/x/crypto/bcrypt</c>):
/// new hashes are <c>$2a$</c> with cost 10; <c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c> hashes verify.
/// </summary>
public static class PasswordHasher
{
    /// <summary>Go's <c>bcrypt.DefaultCost</c>.</summary>
    public const int DefaultCost = 10;

    public static string Hash(string password, int cost = DefaultCost)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = BCrypt.Net.BCrypt.GenerateSalt(cost, 'a');
        return BCrypt.Net.BCrypt.HashPassword(password, salt);
    }

    /// <summary>True when <paramref name="hash"/> is a bcrypt hash of <paramref name="password"/>; false for malformed hashes.</summary>
    public static bool Verify(string password, string? hash)
    {
        if (string.IsNullOrEmpty(hash) || password is null)
            return false;
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, hash);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether a string looks like a bcrypt hash (used to accept pre-hashed <c>password_hash</c> values).</summary>
    public static bool IsBcryptHash(string? value) =>
        value is { Length: 60 } && value[0] == '$' && value[1] == '2' && value[3] == '$' && value[6] == '$'
        && value[2] is 'a' or 'b' or 'y' && char.IsAsciiDigit(value[4]) && char.IsAsciiDigit(value[5]);
}
