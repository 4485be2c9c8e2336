using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authorization;

/// <summary>The RBAC resources the authorizer reads; narrow so that a watcher-fed cache can stand in for the store.</summary>
public interface IRbacRuleSource
{
    Task<IReadOnlyList<ClusterRoleBinding>> ClusterRoleBindingsAsync(CancellationToken cancellationToken);

    /// <summary>Role bindings of one namespace, or of every namespace when <paramref name="namespace"/> is null.</summary>
    Task<IReadOnlyList<RoleBinding>> RoleBindingsAsync(string? @namespace, CancellationToken cancellationToken);

    Task<Role?> RoleAsync(string @namespace, string name, CancellationToken cancellationToken);

    Task<ClusterRole?> ClusterRoleAsync(string name, CancellationToken cancellationToken);
}
