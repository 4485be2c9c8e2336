using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Secrets;

/// <summary>
/// secrets/v1 VaultProvider (secrets-spec §1.4): <c>spec.client</c> configures a HashiCorp Vault client.
/// Cluster-wide; a namespace in metadata is ignored. TLS file existence is checked by the backend, not here.
/// </summary>
public sealed class VaultProvider : IResource, IJsonOnDeserialized
{
    public VaultClientConfig Client { get; set; } = new();

    /// <summary>Serialised as <c>metadata</c>; the wrapper codec keeps it outside the spec for secrets/v1.</summary>
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
        Validators.Name(Metadata.Name);
        Client.Validate();
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Client ??= new VaultClientConfig();
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
    }
}
