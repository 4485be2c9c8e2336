using Sensu.Core.Registry;
using static Sensu.Cli.Output.Cells;

namespace Sensu.Cli.Output;

/// <summary>Columns of <c>sensuctl TYPE list</c> per resource type, close to Sensu's own.</summary>
public static class TableColumns
{
    private static readonly Column Name = new("Name", v => Text(v, "metadata.name"));

    public static IReadOnlyList<Column> For(ResourceType type) => type.Name switch
    {
        "CheckConfig" =>
        [
            Name, new("Command", v => Text(v, "command")), new("Interval", v => NonZero(v, "interval")),
            new("Cron", v => Text(v, "cron")), new("Timeout", v => NonZero(v, "timeout")), new("TTL", v => NonZero(v, "ttl")),
            new("Subscriptions", v => List(v, "subscriptions")), new("Handlers", v => List(v, "handlers")),
            new("Assets", v => List(v, "runtime_assets")), new("Hooks", v => Hooks(v)), new("Publish?", v => Bool(v, "publish")),
            new("Stdin?", v => Bool(v, "stdin")), new("Metric Format", v => Text(v, "output_metric_format")),
            new("Metric Handlers", v => List(v, "output_metric_handlers")),
        ],
        "HookConfig" => [Name, new("Command", v => Text(v, "command")), new("Timeout", v => NonZero(v, "timeout")), new("Stdin?", v => Bool(v, "stdin"))],
        "Handler" =>
        [
            Name, new("Type", v => Text(v, "type")), new("Timeout", v => NonZero(v, "timeout")), new("Filters", v => List(v, "filters")),
            new("Mutator", v => Text(v, "mutator")), new("Execute", Execute), new("Environment Variables", v => List(v, "env_vars")),
            new("Assets", v => List(v, "runtime_assets")),
        ],
        "EventFilter" => [Name, new("Action", v => Text(v, "action")), new("Expressions", v => JoinAll(v, "expressions", " && "))],
        "Mutator" => [Name, new("Command", v => Text(v, "command")), new("Environment Variables", v => List(v, "env_vars")), new("Assets", v => List(v, "runtime_assets"))],
        "Asset" => [Name, new("URL", v => AssetUrls(v)), new("Hash", v => AssetHashes(v))],
        "Entity" =>
        [
            new("ID", v => Text(v, "metadata.name")), new("Class", v => Text(v, "entity_class")), new("OS", v => Text(v, "system.os")),
            new("Subscriptions", v => List(v, "subscriptions")), new("Last Seen", v => Time(v, "last_seen")),
        ],
        "Event" =>
        [
            new("Entity", v => Text(v, "entity.metadata.name")), new("Check", v => Text(v, "check.metadata.name")),
            new("Output", v => Text(v, "check.output").Trim()), new("Status", v => Text(v, "check.status")),
            new("Silenced", v => At(v, "check.silenced") is System.Text.Json.Nodes.JsonArray { Count: > 0 } ? "true" : "false"),
            new("Timestamp", v => Time(v, "timestamp")), new("UUID", v => Text(v, "id")),
        ],
        "Silenced" =>
        [
            Name, new("Subscription", v => Text(v, "subscription")), new("Check", v => Text(v, "check")), new("Begin", v => Time(v, "begin")),
            new("Expire", v => Text(v, "expire")), new("ExpireOnResolve", v => Bool(v, "expire_on_resolve")),
            new("Creator", v => Text(v, "creator")), new("Reason", v => Text(v, "reason")),
        ],
        "Pipeline" => [Name, new("Workflows", v => Names(v, "workflows", "name"))],
        "Role" or "ClusterRole" => [Name, new("Rules", v => At(v, "rules") is System.Text.Json.Nodes.JsonArray a ? a.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0")],
        "RoleBinding" or "ClusterRoleBinding" =>
        [
            Name, new("Role Ref", v => $"{Text(v, "role_ref.type")}/{Text(v, "role_ref.name")}"),
            new("Users", v => Subjects(v, "User")), new("Groups", v => Subjects(v, "Group")),
        ],
        "Namespace" => [new("Name", v => Text(v, "name"))],
        "User" => [new("Username", v => Text(v, "username")), new("Groups", v => List(v, "groups")), new("Enabled", v => Bool(v, "disabled") == "true" ? "false" : "true")],
        "APIKey" => [Name, new("Username", v => Text(v, "username")), new("Created At", v => Time(v, "created_at"))],
        "Secret" => [Name, new("Provider", v => Text(v, "provider")), new("Provider ID", v => Text(v, "id"))],
        "Env" or "VaultProvider" => [Name, new("Type", v => Text(v, "type")), new("Address", v => Text(v, "client.address"))],
        _ => [Name],
    };

    /// <summary>The namespace column prepended to listings across namespaces.</summary>
    public static readonly Column Namespace = new("Namespace", v => Text(v, "metadata.namespace"));

    private static string Hooks(System.Text.Json.Nodes.JsonObject v) =>
        At(v, "check_hooks") is System.Text.Json.Nodes.JsonArray array
            ? string.Join(",", array.OfType<System.Text.Json.Nodes.JsonObject>().SelectMany(o => o.Select(p => $"{p.Key}:{Scalar(p.Value)}")))
            : "";

    private static string Execute(System.Text.Json.Nodes.JsonObject v) => Text(v, "type") switch
    {
        "pipe" => "RUN:  " + Text(v, "command"),
        "tcp" or "udp" => $"PIPE: {Text(v, "socket.host")}:{Text(v, "socket.port")}",
        "set" => "CALL: " + List(v, "handlers"),
        _ => "",
    };

    private static string JoinAll(System.Text.Json.Nodes.JsonObject v, string path, string separator) =>
        At(v, path) is System.Text.Json.Nodes.JsonArray array ? string.Join(separator, array.Select(Scalar)) : "";

    private static string AssetUrls(System.Text.Json.Nodes.JsonObject v) =>
        At(v, "builds") is System.Text.Json.Nodes.JsonArray { Count: > 0 } builds ? string.Join(",", builds.Select(b => b is null ? "" : Scalar(b["url"]))) : Text(v, "url");

    private static string AssetHashes(System.Text.Json.Nodes.JsonObject v)
    {
        static string Short(string hash) => hash.Length > 7 ? hash[..7] : hash;
        return At(v, "builds") is System.Text.Json.Nodes.JsonArray { Count: > 0 } builds
            ? string.Join(",", builds.Select(b => b is null ? "" : Short(Scalar(b["sha512"]))))
            : Short(Text(v, "sha512"));
    }

    private static string Subjects(System.Text.Json.Nodes.JsonObject v, string kind) =>
        At(v, "subjects") is System.Text.Json.Nodes.JsonArray array
            ? string.Join(",", array.OfType<System.Text.Json.Nodes.JsonObject>().Where(s => Scalar(s["type"]) == kind).Select(s => Scalar(s["name"])))
            : "";
}
