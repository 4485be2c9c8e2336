using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Dashboard.Resources;

/// <summary>The simple kinds shown by the generic read-only list (no values that could carry a secret are summarised).</summary>
public static class ResourceKinds
{
    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        Kind<Handler>("handlers", "Handlers", "Type and target", h => Join(h.Type ?? "pipe", h.Handlers.Count > 0 ? "handlers: " + string.Join(", ", h.Handlers) : null, h.Filters.Count > 0 ? "filters: " + string.Join(", ", h.Filters) : null, h.Mutator is { Length: > 0 } m ? "mutator: " + m : null)),
        Kind<EventFilter>("filters", "Filters", "Action and expressions", f => Join(f.Action, string.Join(" && ", f.Expressions))),
        Kind<Mutator>("mutators", "Mutators", "Type", m => m.Type ?? "pipe"),
        Kind<Sensu.Core.Resources.Core.Pipeline>("pipelines", "Pipelines", "Workflows", p => string.Join(", ", p.Workflows.Select(w => w.Name))),
        Kind<Asset>("assets", "Assets", "Builds", a => a.Builds.Count > 0 ? $"{a.Builds.Count} builds" : a.Url ?? ""),
        Kind<Namespace>("namespaces", "Namespaces", "", _ => ""),
        Kind<User>("users", "Users", "Groups", u => Join(string.Join(", ", u.Groups ?? []), u.Disabled ? "disabled" : null)),
        Kind<Role>("roles", "Roles", "Rules", r => $"{r.Rules.Count} rules"),
        Kind<RoleBinding>("rolebindings", "Role bindings", "Role and subjects", b => Binding(b.RoleRef, b.Subjects)),
        Kind<ClusterRole>("clusterroles", "Cluster roles", "Rules", r => $"{r.Rules.Count} rules"),
        Kind<ClusterRoleBinding>("clusterrolebindings", "Cluster role bindings", "Role and subjects", b => Binding(b.RoleRef, b.Subjects)),
    ];

    public static ResourceKind? Find(string slug) => All.FirstOrDefault(k => k.Slug == slug);

    private static ResourceKind Kind<T>(string slug, string title, string summaryTitle, Func<T, string> summary)
        where T : class, IResource =>
        new(slug, title, ResourceRegistry.For<T>(), summaryTitle, r => r is T typed ? summary(typed) : "");

    private static string Binding(RoleRef role, List<Subject> subjects) =>
        $"{role.Type} {role.Name} → {string.Join(", ", subjects.Select(s => $"{s.Type} {s.Name}"))}";

    private static string Join(params string?[] parts) => string.Join("; ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
