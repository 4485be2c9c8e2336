namespace Sensu.Backend.Authorization;

/// <summary>Decides RBAC questions.</summary>
public interface IAuthorizer
{
    /// <summary>Whether <paramref name="user"/> may do what <paramref name="attributes"/> describe.</summary>
    Task<bool> AuthorizeAsync(RbacUser user, RequestAttributes attributes, CancellationToken cancellationToken);

    /// <summary>
    /// The namespaces of <paramref name="namespaces"/> the user can see: all of them when a cluster role binding
    /// grants it anything on namespaced resources, else those where a role binding names it (or one of its groups).
    /// </summary>
    Task<IReadOnlyList<string>> VisibleNamespacesAsync(RbacUser user, IEnumerable<string> namespaces, CancellationToken cancellationToken);
}
