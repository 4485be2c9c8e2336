using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Secrets;

/// <summary>
/// secrets/v1 <c>Env</c> provider (secrets-spec §1.3): secrets are environment variables of the backend
/// process. Its spec is <c>{}</c>; the backend creates one named <see cref="DefaultName"/> at start.
/// </summary>
public sealed class EnvProvider : IResource, IJsonOnDeserialized
{
    public const string DefaultName = "env";

    /// <summary>Serialised as <c>metadata</c>; the wrapper codec keeps it outside the spec for secrets/v1.</summary>
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate() => Validators.Name(Metadata.Name);

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
    }
}
