using System.Collections.Frozen;
using System.Text.Json.Serialization.Metadata;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Resources.Store;

namespace Sensu.Core.Registry;

/// <summary>
/// The one table of resource types: wrapper names, API groups, scopes, collections, RBAC names.
/// Nothing else in the code spells these strings.
/// </summary>
public static class ResourceRegistry
{
    private static readonly List<ResourceType> Types = [];

    static ResourceRegistry()
    {
        Add<CheckConfig>("CheckConfig", "check_config", ApiGroup.CoreV2, namespaced: true, "checks", "checks", SensuJsonContext.Default.CheckConfig);
        Add<HookConfig>("HookConfig", "hook_config", ApiGroup.CoreV2, namespaced: true, "hooks", "hooks", SensuJsonContext.Default.HookConfig);
        Add<Handler>("Handler", "handler", ApiGroup.CoreV2, namespaced: true, "handlers", "handlers", SensuJsonContext.Default.Handler);
        Add<EventFilter>("EventFilter", "event_filter", ApiGroup.CoreV2, namespaced: true, "filters", "filters", SensuJsonContext.Default.EventFilter);
        Add<Mutator>("Mutator", "mutator", ApiGroup.CoreV2, namespaced: true, "mutators", "mutators", SensuJsonContext.Default.Mutator);
        Add<Asset>("Asset", "asset", ApiGroup.CoreV2, namespaced: true, "assets", "assets", SensuJsonContext.Default.Asset);
        Add<Entity>("Entity", "entity", ApiGroup.CoreV2, namespaced: true, "entities", "entities", SensuJsonContext.Default.Entity);
        Add<Event>("Event", "event", ApiGroup.CoreV2, namespaced: true, "events", "events", SensuJsonContext.Default.Event);
        Add<Silenced>("Silenced", "silenced", ApiGroup.CoreV2, namespaced: true, "silenced", "silenced", SensuJsonContext.Default.Silenced);
        Add<Pipeline>("Pipeline", "pipeline", ApiGroup.CoreV2, namespaced: true, "pipelines", "pipelines", SensuJsonContext.Default.Pipeline);
        Add<Role>("Role", "role", ApiGroup.CoreV2, namespaced: true, "roles", "roles", SensuJsonContext.Default.Role);
        Add<RoleBinding>("RoleBinding", "role_binding", ApiGroup.CoreV2, namespaced: true, "rolebindings", "rolebindings", SensuJsonContext.Default.RoleBinding);
        Add<ClusterRole>("ClusterRole", "cluster_role", ApiGroup.CoreV2, namespaced: false, "clusterroles", "clusterroles", SensuJsonContext.Default.ClusterRole);
        Add<ClusterRoleBinding>("ClusterRoleBinding", "cluster_role_binding", ApiGroup.CoreV2, namespaced: false, "clusterrolebindings", "clusterrolebindings", SensuJsonContext.Default.ClusterRoleBinding);
        Add<Namespace>("Namespace", "namespace", ApiGroup.CoreV2, namespaced: false, "namespaces", "namespaces", SensuJsonContext.Default.Namespace);
        Add<User>("User", "user", ApiGroup.CoreV2, namespaced: false, "users", "users", SensuJsonContext.Default.User);
        Add<ApiKey>("APIKey", "api_key", ApiGroup.CoreV2, namespaced: false, "apikeys", "apikeys", SensuJsonContext.Default.ApiKey);
        Add<TessenConfig>("TessenConfig", "tessen_config", ApiGroup.CoreV2, namespaced: false, "tessen", "tessen", SensuJsonContext.Default.TessenConfig);
        Add<Secret>("Secret", "secret", ApiGroup.SecretsV1, namespaced: true, "secrets", "secrets", SensuJsonContext.Default.Secret);
        Add<EnvProvider>("Env", "env", ApiGroup.SecretsV1, namespaced: false, "providers", "providers", SensuJsonContext.Default.EnvProvider);
        Add<VaultProvider>("VaultProvider", "vault_provider", ApiGroup.SecretsV1, namespaced: false, "providers", "providers", SensuJsonContext.Default.VaultProvider);
        Add<PostgresConfig>("PostgresConfig", "postgres_config", ApiGroup.StoreV1, namespaced: false, "provider", "provider", SensuJsonContext.Default.PostgresConfig);
        All = Types.AsReadOnly();
        ByName = Types
            .SelectMany(t => new[] { (Key: t.Name, Type: t), (Key: t.Alias, Type: t) })
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToList().ConvertAll(p => p.Type).AsReadOnly(), StringComparer.Ordinal);
        ByClr = Types.ToFrozenDictionary(t => t.ClrType);
    }

    public static IReadOnlyList<ResourceType> All { get; }

    private static FrozenDictionary<string, System.Collections.ObjectModel.ReadOnlyCollection<ResourceType>> ByName { get; }

    private static FrozenDictionary<Type, ResourceType> ByClr { get; }

    /// <summary>Finds a type by wrapper <c>type</c> (Go name or snake_case alias) and <c>api_version</c> (empty means core/v2).</summary>
    public static ResourceType? Find(string typeName, string? apiVersion)
    {
        var version = string.IsNullOrEmpty(apiVersion) ? ApiGroup.CoreV2.ApiVersion : apiVersion;
        if (!ByName.TryGetValue(typeName, out var candidates))
            return null;
        foreach (var t in candidates)
        {
            if (t.ApiVersion == version)
                return t;
        }
        return null;
    }

    /// <summary>Finds a type by <c>api_version.Type</c> (<c>core/v2.CheckConfig</c>), a bare type name, alias, or collection (<c>checks</c>).</summary>
    public static ResourceType? FindByAnyName(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot > 0 && name.Contains('/'))
            return Find(name[(dot + 1)..], name[..dot]);
        if (ByName.TryGetValue(name, out var byName) && byName.Count > 0)
            return byName[0];
        return Types.FirstOrDefault(t => t.Collection == name);
    }

    /// <summary>The types served under one collection of one API group (several for secrets providers).</summary>
    public static IEnumerable<ResourceType> ForCollection(ApiGroup group, string collection) =>
        Types.Where(t => t.Group.ApiVersion == group.ApiVersion && t.Collection == collection);

    public static ResourceType For<T>() where T : IResource => ByClr[typeof(T)];

    public static ResourceType For(Type clrType) => ByClr[clrType];

    public static ResourceType For(IResource resource) => ByClr[resource.GetType()];

    private static void Add<T>(string name, string alias, ApiGroup group, bool namespaced, string collection, string rbac, JsonTypeInfo<T> info)
        where T : class, IResource, new()
    {
        Types.Add(new ResourceType(name, alias, group, namespaced, collection, rbac, info, static () => new T()));
    }
}
