using System.Text.Json.Serialization;
namespace Sensu.Core.Resources.Core;

/// <summary>
/// One entry of <c>secrets</c> on a check, handler or mutator (secrets-spec §1.2): the environment variable
/// <see cref="Name"/> the command sees gets the value of the Secret resource <see cref="Secret"/> (same namespace).
/// </summary>
public sealed class SecretReference
{
    [JsonIgnore]
    public string Name { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Name"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("name")]
    internal string? NameJson { get => Name.Length == 0 ? null : Name; set => Name = value ?? ""; }

    [JsonIgnore]
    public string Secret { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Secret"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("secret")]
    internal string? SecretJson { get => Secret.Length == 0 ? null : Secret; set => Secret = value ?? ""; }
}
