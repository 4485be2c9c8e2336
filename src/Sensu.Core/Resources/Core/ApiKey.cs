using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 APIKey: <c>metadata.name</c> is the key itself (a UUID), owned by <see cref="Username"/>.</summary>
public sealed class ApiKey : IResource, IJsonOnDeserialized
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public string? Username { get; set; }

    /// <summary>Unix seconds when the key was issued.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long CreatedAt { get; set; }

    /// <summary>Hash of the key when the key itself is not kept (base64 in JSON, like Go's []byte).</summary>
    public byte[]? Hash { get; set; }

    public void Validate()
    {
        if (!string.IsNullOrEmpty(Metadata.Namespace))
            throw new ResourceValidationException("api key cannot have a namespace");
        if (string.IsNullOrEmpty(Username))
            throw new ResourceValidationException("api key must have a username");
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
        if (Username is { Length: 0 }) Username = null;
        if (Hash is { Length: 0 }) Hash = null;
    }
}
