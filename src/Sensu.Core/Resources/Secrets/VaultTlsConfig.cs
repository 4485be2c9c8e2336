using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Secrets;

/// <summary>
/// A VaultProvider's <c>client.tls</c>. File paths are on the backend host. Every field is written, as the
/// Sensu API returns them all (secrets-spec §1.4).
/// </summary>
public sealed class VaultTlsConfig : IJsonOnDeserialized
{
    public string CaCert { get; set; } = "";

    public string ClientCert { get; set; } = "";

    public string ClientKey { get; set; } = "";

    /// <summary>Name to verify for the client/server certificate (Vault cert-auth role name).</summary>
    public string Cname { get; set; } = "";

    public bool Insecure { get; set; }

    public string TlsServerName { get; set; } = "";

    public string CaPath { get; set; } = "";

    void IJsonOnDeserialized.OnDeserialized()
    {
        CaCert ??= "";
        ClientCert ??= "";
        ClientKey ??= "";
        Cname ??= "";
        TlsServerName ??= "";
        CaPath ??= "";
    }
}
