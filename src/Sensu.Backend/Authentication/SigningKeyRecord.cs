namespace Sensu.Backend.Authentication;

/// <summary>Stored form of the JWT signing secret (base64 of 32 random bytes).</summary>
internal sealed record SigningKeyRecord(string Secret);
