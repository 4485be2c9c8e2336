using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Secrets;

/// <summary>
/// secrets/v1 Secret (secrets-spec §1.1): names a value that <see cref="Provider"/> (a provider's
/// <c>metadata.name</c>) can look up by <see cref="Id"/>. The provider need not exist at create time.
/// </summary>
public sealed class Secret : IResource, IJsonOnDeserialized
{
    public string Id { get; set; } = "";

    public string Provider { get; set; } = "";

    /// <summary>Serialised as <c>metadata</c>; the wrapper codec keeps it outside the spec for secrets/v1.</summary>
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
        Validators.Name(Metadata.Name);
        Validators.NamespaceSet(Metadata.Namespace);
        if (string.IsNullOrEmpty(Id))
            throw new ResourceValidationException("id must not be empty");
        if (string.IsNullOrEmpty(Provider))
            throw new ResourceValidationException("provider must not be empty");
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Id ??= "";
        Provider ??= "";
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
    }
}
