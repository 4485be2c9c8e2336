namespace Sensu.Testing.Vault;

/// <summary>A cert auth role (<c>auth/cert/certs/&lt;name&gt;</c>): the trusted certificate's thumbprint and the token TTL.</summary>
internal sealed record FakeVaultCertRole(string Name, string Thumbprint, TimeSpan Ttl, bool Renewable);
