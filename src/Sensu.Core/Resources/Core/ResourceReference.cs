using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>A reference to another resource by name, type and api_version (pipelines, workflow steps).</summary>
public sealed class ResourceReference
{
    public const string CoreV2 = "core/v2";

    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string ApiVersion { get; set; } = "";

    /// <summary><c>api_version.Type(name)</c>, e.g. <c>core/v2.Handler(slack)</c>.</summary>
    public override string ToString() => $"{ApiVersion}.{Type}({Name})";

    /// <summary>True when this points at <paramref name="type"/> in <paramref name="apiVersion"/>.</summary>
    public bool IsA(string apiVersion, string type) =>
        string.Equals(ApiVersion, apiVersion, StringComparison.Ordinal) && string.Equals(Type, type, StringComparison.Ordinal);

    /// <summary>Name regex, type and api_version set.</summary>
    public void Validate()
    {
        Validators.Name(Name);
        if (string.IsNullOrEmpty(Type))
            throw new ResourceValidationException("type must be set");
        if (string.IsNullOrEmpty(ApiVersion))
            throw new ResourceValidationException("api_version must be set");
    }
}
