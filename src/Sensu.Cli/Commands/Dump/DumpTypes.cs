using Sensu.Core.Registry;

namespace Sensu.Cli.Commands.Dump;

/// <summary>
/// Which types <c>sensuctl dump</c> writes, in an order that <c>sensuctl create</c> can replay on a fresh backend
/// (namespaces and cluster-wide RBAC first). Names accepted: <c>all</c>, <c>core/v2.CheckConfig</c>, <c>CheckConfig</c>,
/// <c>check_config</c>, <c>checks</c>, and <c>secrets/v1.Provider</c> / <c>providers</c> for every provider type.
/// </summary>
public static class DumpTypes
{
    private static readonly string[] First = ["Namespace", "ClusterRole", "ClusterRoleBinding", "User", "APIKey"];
    private static readonly string[] Never = ["TessenConfig", "PostgresConfig"];

    public static IReadOnlyList<ResourceType> All { get; } =
    [
        .. First.Select(n => ResourceRegistry.Find(n, null)!),
        .. ResourceRegistry.All.Where(t => !First.Contains(t.Name) || t.ApiVersion != ApiGroup.CoreV2.ApiVersion).Where(t => !Never.Contains(t.Name)),
    ];

    public static IReadOnlyList<ResourceType> Resolve(string types, string? omit)
    {
        var selected = types.Trim() == "all" ? [.. All] : Parse(types);
        if (!string.IsNullOrEmpty(omit))
        {
            var omitted = Parse(omit);
            selected.RemoveAll(omitted.Contains);
        }
        return [.. All.Where(selected.Contains)];
    }

    private static List<ResourceType> Parse(string list)
    {
        var result = new List<ResourceType>();
        foreach (var raw in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw is "secrets/v1.Provider" or "providers" or "Provider" or "provider")
            {
                result.AddRange(ResourceRegistry.ForCollection(ApiGroup.SecretsV1, "providers"));
                continue;
            }
            var type = ResourceRegistry.FindByAnyName(raw) ?? ResourceRegistry.All.FirstOrDefault(t => t.Collection == raw.Replace("-", "", StringComparison.Ordinal))
                ?? throw new CliException($"unknown resource type \"{raw}\"; use names such as core/v2.CheckConfig, checks or secrets/v1.Secret");
            if (Never.Contains(type.Name))
                throw new CliException($"{type.FullName} cannot be dumped");
            result.Add(type);
        }
        return result;
    }
}
