using System.Text.Json.Serialization;
using Sensu.Core.Registry;

namespace Sensu.Cli.Commands.DescribeType;

/// <summary>One line of <c>sensuctl describe-type</c>, with Sensu's keys.</summary>
public sealed record TypeDescription(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("short_name")] string ShortName,
    [property: JsonPropertyName("api_version")] string ApiVersion,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("namespaced")] bool Namespaced)
{
    /// <summary>Short names (the RBAC resource name) exist for core types only, as in Sensu.</summary>
    public static TypeDescription Of(ResourceType type) => new(
        type.FullName,
        type.ApiVersion.StartsWith("core/", StringComparison.Ordinal) ? type.RbacResource : "",
        type.ApiVersion,
        type.Name,
        type.Namespaced);
}
