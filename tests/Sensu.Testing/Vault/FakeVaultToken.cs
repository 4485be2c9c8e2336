namespace Sensu.Testing.Vault;

/// <summary>A token the fake Vault issued: valid until <see cref="ExpiresAt"/> (null: forever).</summary>
internal sealed record FakeVaultToken(string Id, TimeSpan Ttl, bool Renewable, DateTimeOffset? ExpiresAt);
