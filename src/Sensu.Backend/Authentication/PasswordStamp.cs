using System.Security.Cryptography;
using System.Text;

namespace Sensu.Backend.Authentication;

/// <summary>
/// A short digest of a user's bcrypt hash, kept in each session: a new password (a new hash, new salt) changes
/// it, so the sessions opened before the change stop matching the user on every backend that sees the change.
/// </summary>
public static class PasswordStamp
{
    public static string Of(string? passwordHash)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash ?? string.Empty), digest);
        return Convert.ToBase64String(digest[..16]);
    }
}
