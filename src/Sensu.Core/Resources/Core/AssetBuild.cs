using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>One build of a multi-build asset: downloaded when all <see cref="Filters"/> are true for the entity.</summary>
public sealed class AssetBuild : IJsonOnDeserialized
{
    [JsonIgnore]
    public string Url { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Url"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("url")]
    internal string? UrlJson { get => Url.Length == 0 ? null : Url; set => Url = value ?? ""; }

    [JsonIgnore]
    public string Sha512 { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Sha512"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("sha512")]
    internal string? Sha512Json { get => Sha512.Length == 0 ? null : Sha512; set => Sha512 = value ?? ""; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Filters { get; set; } = [];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public Dictionary<string, string> Headers { get; set; } = [];

    public void Validate() => ValidateSource(Url, Sha512, Filters);

    /// <summary>
    /// The checks shared by an asset and its builds, as Sensu's: checksum, URL present, filter syntax. The URL's
    /// form is not checked (Sensu does not either; it may hold <c>{{ }}</c> tokens substituted per entity).
    /// </summary>
    internal static void ValidateSource(string? url, string? sha512, List<string>? filters)
    {
        if (string.IsNullOrEmpty(sha512))
            throw new ResourceValidationException("SHA-512 checksum cannot be empty");
        if (sha512.Length < 128)
            throw new ResourceValidationException("SHA-512 checksum must be at least 128 characters");
        if (string.IsNullOrEmpty(url))
            throw new ResourceValidationException("URL cannot be empty");
        JavaScriptSyntax.Expressions(filters);
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Url ??= "";
        Sha512 ??= "";
        Filters ??= [];
        Headers ??= [];
    }
}
