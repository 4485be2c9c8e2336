using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 Asset (core-spec §3.7): an archive downloaded and unpacked for checks, hooks, filters, handlers.</summary>
public sealed class Asset : IResource, IJsonOnDeserialized
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public string? Url { get; set; }

    public string? Sha512 { get; set; }

    /// <summary>JavaScript expressions over <c>entity</c> deciding whether the asset applies.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Filters { get; set; } = [];

    /// <summary>HTTP headers added to the download request.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>Alternative builds; when present, <see cref="Url"/>/<see cref="Sha512"/> are not used.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<AssetBuild> Builds { get; set; } = [];

    public void Validate()
    {
        Validators.AssetName(Metadata.Name);
        if (string.IsNullOrEmpty(Metadata.Namespace))
            throw new ResourceValidationException("namespace cannot be empty");
        if (Builds.Count == 0)
        {
            AssetBuild.ValidateSource(Url, Sha512, Filters);
            return;
        }
        foreach (var build in Builds)
            build.Validate();
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        if (Url is { Length: 0 }) Url = null;
        if (Sha512 is { Length: 0 }) Sha512 = null;
        Filters ??= [];
        Headers ??= [];
        Builds ??= [];
    }
}
