using System.Globalization;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Core.Selectors;

/// <summary>
/// The fields a <c>fieldSelector</c> can name for each type, with Sensu's names (<c>check.subscriptions</c>,
/// <c>event.entity.name</c>, <c>entity.labels.region</c>...) and values (lists joined with commas, booleans as
/// <c>true</c>/<c>false</c>), and the labels a <c>labelSelector</c> sees. A type without fields of its own answers
/// its labels only.
/// </summary>
public static class ResourceFields
{
    public static IReadOnlyDictionary<string, string> Of(object resource) => resource switch
    {
        ApiKey r => With(r.Metadata, "api_key", new() { ["api_key.name"] = Text(r.Metadata.Name), ["api_key.username"] = Text(r.Username) }),
        Asset r => With(r.Metadata, "asset", Named(r.Metadata, "asset", ("asset.filters", Join(r.Filters)))),
        CheckConfig r => With(r.Metadata, "check", Check("check", r.Metadata, r)),
        Entity r => With(r.Metadata, "entity", Named(r.Metadata, "entity",
            ("entity.deregister", Bool(r.Deregister)),
            ("entity.entity_class", r.EntityClass),
            ("entity.subscriptions", Join(r.Subscriptions)))),
        Event r => EventFields(r),
        EventFilter r => With(r.Metadata, "filter", Named(r.Metadata, "filter",
            ("filter.action", Text(r.Action)),
            ("filter.runtime_assets", Join(r.RuntimeAssets)))),
        Handler r => With(r.Metadata, "handler", Named(r.Metadata, "handler",
            ("handler.filters", Join(r.Filters)),
            ("handler.handlers", Join(r.Handlers)),
            ("handler.mutator", Text(r.Mutator)),
            ("handler.type", Text(r.Type)))),
        Mutator r => With(r.Metadata, "mutator", Named(r.Metadata, "mutator", ("mutator.runtime_assets", Join(r.RuntimeAssets)))),
        Silenced r => With(r.Metadata, "silenced", Named(r.Metadata, "silenced",
            ("silenced.check", Text(r.Check)),
            ("silenced.creator", Text(r.Creator)),
            ("silenced.expire_on_resolve", Bool(r.ExpireOnResolve)),
            ("silenced.subscription", Text(r.Subscription)))),
        HookConfig r => With(r.Metadata, "hook", Named(r.Metadata, "hook")),
        Pipeline r => With(r.Metadata, "pipeline", Named(r.Metadata, "pipeline")),
        User r => new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["user.username"] = Text(r.Username),
            ["user.disabled"] = Bool(r.Disabled),
            ["user.groups"] = Join(r.Groups),
        },
        Namespace r => new Dictionary<string, string>(StringComparer.Ordinal) { ["namespace.name"] = Text(r.Name) },
        Role r => With(r.Metadata, "role", Named(r.Metadata, "role")),
        ClusterRole r => With(r.Metadata, "clusterrole", new() { ["clusterrole.name"] = Text(r.Metadata.Name) }),
        ClusterRoleBinding r => With(r.Metadata, "clusterrolebinding", new()
        {
            ["clusterrolebinding.name"] = Text(r.Metadata.Name),
            ["clusterrolebinding.role_ref.name"] = r.RoleRef.Name,
            ["clusterrolebinding.role_ref.type"] = r.RoleRef.Type,
        }),
        RoleBinding r => With(r.Metadata, "rolebinding", Named(r.Metadata, "rolebinding",
            ("rolebinding.role_ref.name", r.RoleRef.Name),
            ("rolebinding.role_ref.type", r.RoleRef.Type))),
        IResource r => With(r.Metadata, "resource", Named(r.Metadata, "resource")),
        _ => new Dictionary<string, string>(StringComparer.Ordinal),
    };

    /// <summary>
    /// The field prefix of a type whose <c>&lt;prefix&gt;.name</c> is its <c>metadata.name</c> and whose labels
    /// (<c>&lt;prefix&gt;.labels.*</c> and those a <c>labelSelector</c> sees) are its <c>metadata.labels</c>, as stored;
    /// null for the others (users, namespaces, events, types without fields of their own). Keep in step with <see cref="Of"/>.
    /// </summary>
    public static string? MetadataPrefixOf(Type type) => type switch
    {
        _ when type == typeof(ApiKey) => "api_key",
        _ when type == typeof(Asset) => "asset",
        _ when type == typeof(CheckConfig) => "check",
        _ when type == typeof(Entity) => "entity",
        _ when type == typeof(EventFilter) => "filter",
        _ when type == typeof(Handler) => "handler",
        _ when type == typeof(Mutator) => "mutator",
        _ when type == typeof(Silenced) => "silenced",
        _ when type == typeof(HookConfig) => "hook",
        _ when type == typeof(Pipeline) => "pipeline",
        _ when type == typeof(Role) => "role",
        _ when type == typeof(ClusterRole) => "clusterrole",
        _ when type == typeof(ClusterRoleBinding) => "clusterrolebinding",
        _ when type == typeof(RoleBinding) => "rolebinding",
        _ => null,
    };

    /// <summary>The labels a <c>labelSelector</c> sees: the resource's own; for an event, its entity's and check's as well.</summary>
    public static IReadOnlyDictionary<string, string> LabelsOf(object resource)
    {
        if (resource is Event ev)
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            Merge(merged, ev.Metadata.Labels);
            Merge(merged, ev.Entity?.Metadata.Labels);
            Merge(merged, ev.Check?.Metadata.Labels);
            return merged;
        }
        return resource is IResource { Metadata.Labels: { } labels } ? labels : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    private static Dictionary<string, string> EventFields(Event r)
    {
        var check = r.Check;
        var silenced = Bool(r.IsSilenced);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["event.name"] = Text(r.Metadata.Name),
            ["event.namespace"] = Text(r.Metadata.Namespace ?? r.Entity?.Metadata.Namespace),
            ["event.is_silenced"] = silenced,
            ["event.check.is_silenced"] = silenced,
            ["event.check.name"] = Text(check?.Metadata.Name),
            ["event.check.handlers"] = Join(check?.Handlers),
            ["event.check.publish"] = Bool(check?.Publish ?? false),
            ["event.check.round_robin"] = Bool(check?.RoundRobin ?? false),
            ["event.check.runtime_assets"] = Join(check?.RuntimeAssets),
            ["event.check.state"] = Text(check?.State),
            ["event.check.status"] = (check?.Status ?? 0).ToString(CultureInfo.InvariantCulture),
            ["event.check.subscriptions"] = Join(check?.Subscriptions),
            ["event.entity.deregister"] = Bool(r.Entity?.Deregister ?? false),
            ["event.entity.name"] = Text(r.Entity?.Metadata.Name),
            ["event.entity.entity_class"] = Text(r.Entity?.EntityClass),
            ["event.entity.subscriptions"] = Join(r.Entity?.Subscriptions),
        };
        AddLabels(fields, r.Metadata.Labels, "event.labels.");
        AddLabels(fields, r.Entity?.Metadata.Labels, "event.labels.");
        AddLabels(fields, check?.Metadata.Labels, "event.labels.");
        return fields;
    }

    private static Dictionary<string, string> Check(string prefix, ObjectMeta meta, CheckDefinition check)
    {
        var fields = Named(meta, prefix,
            ($"{prefix}.handlers", Join(check.Handlers)),
            ($"{prefix}.publish", Bool(check.Publish)),
            ($"{prefix}.round_robin", Bool(check.RoundRobin)),
            ($"{prefix}.runtime_assets", Join(check.RuntimeAssets)),
            ($"{prefix}.subscriptions", Join(check.Subscriptions)));
        fields[$"{prefix}.pipelines"] = string.Join(',', (check.Pipelines ?? []).Select(p => $"{p.ApiVersion}.{p.Type}({p.Name})"));
        return fields;
    }

    private static Dictionary<string, string> Named(ObjectMeta meta, string prefix, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [prefix + ".name"] = Text(meta.Name),
            [prefix + ".namespace"] = Text(meta.Namespace),
        };
        foreach (var (key, value) in more)
            fields[key] = value;
        return fields;
    }

    private static Dictionary<string, string> With(ObjectMeta meta, string prefix, Dictionary<string, string> fields)
    {
        AddLabels(fields, meta.Labels, prefix + ".labels.");
        return fields;
    }

    private static void AddLabels(Dictionary<string, string> fields, IReadOnlyDictionary<string, string>? labels, string prefix)
    {
        if (labels is null)
            return;
        foreach (var (key, value) in labels)
            fields[prefix + key] = value;
    }

    private static void Merge(Dictionary<string, string> into, IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null)
            return;
        foreach (var (key, value) in labels)
            into[key] = value;
    }

    private static string Text(string? value) => value ?? "";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Join(IEnumerable<string>? values) => values is null ? "" : string.Join(',', values);
}
