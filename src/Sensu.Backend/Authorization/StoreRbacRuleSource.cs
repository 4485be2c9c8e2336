using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Authorization;

/// <summary><see cref="IRbacRuleSource"/> straight over the store (no cache yet).</summary>
public sealed class StoreRbacRuleSource(IResourceReader reader) : IRbacRuleSource
{
    public Task<IReadOnlyList<ClusterRoleBinding>> ClusterRoleBindingsAsync(CancellationToken cancellationToken) =>
        ListAsync(null, SensuJsonContext.Default.ClusterRoleBinding, cancellationToken);

    public Task<IReadOnlyList<RoleBinding>> RoleBindingsAsync(string? @namespace, CancellationToken cancellationToken) =>
        ListAsync(@namespace, SensuJsonContext.Default.RoleBinding, cancellationToken);

    public Task<Role?> RoleAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        GetAsync(@namespace, name, SensuJsonContext.Default.Role, cancellationToken);

    public Task<ClusterRole?> ClusterRoleAsync(string name, CancellationToken cancellationToken) =>
        GetAsync(string.Empty, name, SensuJsonContext.Default.ClusterRole, cancellationToken);

    private async Task<T?> GetAsync<T>(string @namespace, string name, JsonTypeInfo<T> info, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var type = ResourceRegistry.For<T>();
        var key = new ResourceKey(type.StoreKind, type.Namespaced ? @namespace : string.Empty, name);
        var stored = await reader.GetAsync(key, cancellationToken);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, info);
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string? @namespace, JsonTypeInfo<T> info, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var type = ResourceRegistry.For<T>();
        var page = await reader.ListAsync(type.StoreKind, type.Namespaced ? @namespace : null, PageRequest.All, cancellationToken);
        var items = new List<T>(page.Items.Count);
        foreach (var stored in page.Items)
        {
            var item = JsonSerializer.Deserialize(stored.Json, info);
            if (item is null)
                continue;
            // The key is authoritative for the namespace (JSON written by older code may omit it).
            if (type.Namespaced && string.IsNullOrEmpty(item.Metadata.Namespace))
                item.Metadata.Namespace = stored.Key.Namespace;
            items.Add(item);
        }
        return items;
    }
}
