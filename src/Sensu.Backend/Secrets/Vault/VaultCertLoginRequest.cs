namespace Sensu.Backend.Secrets.Vault;

/// <summary>Body of <c>POST /v1/auth/cert/login</c>: the role to try (null: every role that trusts the certificate).</summary>
internal sealed class VaultCertLoginRequest
{
    public string? Name { get; set; }
}
