using System.Collections.Frozen;
using Microsoft.Extensions.Logging;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authorization;

/// <summary>
/// Sensu's RBAC: allowed when any ClusterRoleBinding, or any RoleBinding of the request's namespace, names the user
/// or one of its groups and refers to a (Cluster)Role with a rule matching verb, resource and resource name.
/// A RoleBinding to a ClusterRole grants that role's rules within the binding's namespace only.
/// </summary>
public sealed class RbacAuthorizer(IRbacRuleSource source, ILogger<RbacAuthorizer> logger) : IAuthorizer
{
    /// <summary>RBAC names that never live in a namespace: a cluster role binding granting only these shows no namespace.</summary>
    private static readonly FrozenSet<string> ClusterOnly = ResourceRegistry.All
        .Where(t => !t.Namespaced).Select(t => t.RbacResource)
        .Concat([RbacVerbs.LocalSelfUser, "cluster", "cluster-members", "license", "authproviders", "config", "etcd-replicators"])
        .ToFrozenSet(StringComparer.Ordinal);

    public async Task<bool> AuthorizeAsync(RbacUser user, RequestAttributes attributes, CancellationToken cancellationToken)
    {
        foreach (var binding in await source.ClusterRoleBindingsAsync(cancellationToken))
        {
            if (!Matches(user, binding.Subjects))
                continue;
            var rules = await RulesAsync(binding.RoleRef, null, binding.Metadata.Name, cancellationToken);
            if (rules.Any(r => Allows(r, attributes)))
            {
                Log.Allowed(logger, user.Username, attributes.Verb, attributes.Resource, binding.Metadata.Name ?? string.Empty);
                return true;
            }
        }

        // Cluster-wide requests can only be granted by cluster role bindings; listing namespaces is the exception
        // (role bindings anywhere let a user list, and the answer is filtered).
        if (attributes.Namespace.Length == 0 && attributes.Resource != RbacVerbs.Namespaces)
            return Denied(user, attributes);

        var ns = attributes.Namespace.Length == 0 ? null : attributes.Namespace;
        foreach (var binding in await source.RoleBindingsAsync(ns, cancellationToken))
        {
            if (!Matches(user, binding.Subjects))
                continue;
            var rules = await RulesAsync(binding.RoleRef, binding.Metadata.Namespace ?? string.Empty, binding.Metadata.Name, cancellationToken);
            // In a Role (unlike a ClusterRole) "*" covers namespaced resource types only (Sensu's RBAC docs).
            var wildcardCoversCluster = binding.RoleRef.Type == RoleRef.ClusterRoleType || !ClusterOnly.Contains(attributes.Resource);
            if (rules.Any(r => Allows(r, attributes) && (wildcardCoversCluster || r.Resources.Contains(attributes.Resource))))
            {
                Log.Allowed(logger, user.Username, attributes.Verb, attributes.Resource, binding.Metadata.Name ?? string.Empty);
                return true;
            }
        }
        return Denied(user, attributes);
    }

    public async Task<IReadOnlyList<string>> VisibleNamespacesAsync(RbacUser user, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var all = namespaces.ToList();
        foreach (var binding in await source.ClusterRoleBindingsAsync(cancellationToken))
        {
            if (!Matches(user, binding.Subjects))
                continue;
            var rules = await RulesAsync(binding.RoleRef, null, binding.Metadata.Name, cancellationToken);
            if (rules.Any(r => r.Resources.Exists(res => res == RbacRule.All || !ClusterOnly.Contains(res))))
                return all;
        }
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in await source.RoleBindingsAsync(null, cancellationToken))
        {
            if (binding.Metadata.Namespace is { Length: > 0 } ns && Matches(user, binding.Subjects))
                granted.Add(ns);
        }
        return all.Where(granted.Contains).ToList();
    }

    /// <summary>Whether one rule allows the request (verb, resource, resource name).</summary>
    public static bool Allows(RbacRule rule, RequestAttributes attributes) =>
        rule.VerbMatches(attributes.Verb)
        && rule.ResourceMatches(attributes.Resource)
        && rule.ResourceNameMatches(attributes.ResourceName);

    /// <summary>Whether a binding's subjects name the user or one of its groups.</summary>
    public static bool Matches(RbacUser user, IEnumerable<Subject> subjects) =>
        subjects.Any(s => s.Type switch
        {
            Subject.UserType => s.Name == user.Username,
            Subject.GroupType => user.Groups.Contains(s.Name, StringComparer.Ordinal),
            _ => false,
        });

    /// <summary>The rules of a binding's role; a ClusterRoleBinding (<paramref name="namespace"/> null) can only refer to a ClusterRole.</summary>
    private async Task<IReadOnlyList<RbacRule>> RulesAsync(RoleRef roleRef, string? @namespace, string? binding, CancellationToken cancellationToken)
    {
        switch (roleRef.Type)
        {
            case RoleRef.ClusterRoleType:
                if (await source.ClusterRoleAsync(roleRef.Name, cancellationToken) is { } clusterRole)
                    return clusterRole.Rules;
                break;
            case RoleRef.RoleType when @namespace is not null:
                if (await source.RoleAsync(@namespace, roleRef.Name, cancellationToken) is { } role)
                    return role.Rules;
                break;
        }
        Log.RoleNotFound(logger, binding ?? string.Empty, roleRef.Type, roleRef.Name);
        return [];
    }

    private bool Denied(RbacUser user, RequestAttributes attributes)
    {
        Log.Denied(logger, user.Username, attributes.Verb, attributes.Resource, attributes.Namespace, attributes.ResourceName);
        return false;
    }
}
