namespace Sensu.Backend.Authentication;

/// <summary>Store kinds (cluster scope) the authentication keeps outside the resource registry.</summary>
public static class AuthStoreKinds
{
    /// <summary>The JWT signing secret, one resource named <see cref="SigningKeyName"/>.</summary>
    public const string JwtSecrets = "internal/jwt-secrets";

    public const string SigningKeyName = "signing-key";

    public const string SigningKeyType = "JwtSecret";

    /// <summary>Login sessions, named by <c>session_id</c>; a refresh token is valid only while its session exists.</summary>
    public const string Sessions = "internal/auth-sessions";

    public const string SessionType = "AuthSession";
}
