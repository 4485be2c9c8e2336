using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Sensu.Cli.Output;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.Cluster;

/// <summary>
/// <c>sensuctl cluster health|id|member-list</c>, answered from the backend's <c>/health</c> (our store's health in
/// Sensu's shape, one member per backend) instead of etcd's; the etcd membership verbs (<c>member-add</c>,
/// <c>member-remove</c>, <c>member-update</c>) are refused with the reason, since the store, not the backend, holds
/// the cluster.
/// </summary>
public static class ClusterCommands
{
    private const string MembershipRefused =
        "cluster membership is not managed through sensuctl here: the backends of a cluster share one store, and there is no etcd membership to change";

    public static Command Build(CommandFactory factory)
    {
        var command = new Command("cluster", "Manage sensu cluster");
        command.Subcommands.Add(Health(factory));
        command.Subcommands.Add(Id(factory));
        command.Subcommands.Add(MemberList(factory));
        foreach (var (verb, args) in new[] { ("member-add", new[] { "NAME", "PEER-ADDRS" }), ("member-remove", ["ID"]), ("member-update", ["ID", "PEER-ADDRS"]) })
            command.Subcommands.Add(Refused(factory, verb, args));
        return command;
    }

    private static async Task<JsonObject> HealthAsync(CommandRuntime runtime, CancellationToken cancellationToken) =>
        (await runtime.Client.GetAsync("/health", cancellationToken))?.AsObject() ?? throw new CliException("the backend answered /health with no body");

    private static IEnumerable<JsonObject> Members(JsonObject health) =>
        (health["ClusterHealth"] as JsonArray ?? []).OfType<JsonObject>();

    private static string Text(JsonNode? node) => node?.ToString() ?? string.Empty;

    private static void Write(CommandRuntime runtime, OutputFormat format, JsonNode node) =>
        runtime.Io.Out.Write(format == OutputFormat.Yaml ? JsonToYaml.Write(node) : JsonText.Write(node) + "\n");

    private static Command Health(CommandFactory factory)
    {
        var format = CommonOptions.Format();
        var command = new Command("health", "get sensu cluster health") { format };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var health = await HealthAsync(runtime, cancellationToken);
            var chosen = runtime.Format(result, format);
            if (chosen != OutputFormat.Tabular)
            {
                Write(runtime, chosen, health);
                return 0;
            }
            runtime.Printer.Table(["ID", "Name", "Error", "Healthy"], Members(health).Select(m => (IReadOnlyList<string>)
                [MemberId(m), Text(m["Name"]), Text(m["Err"]), Text(m["Healthy"])]));
            return 0;
        }));
        return command;
    }

    private static Command Id(CommandFactory factory)
    {
        var format = CommonOptions.Format();
        var command = new Command("id", "show sensu cluster id") { format };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var id = Text((await HealthAsync(runtime, cancellationToken))["Header"]?["cluster_id"]);
            var chosen = runtime.Format(result, format);
            if (chosen == OutputFormat.Tabular)
                runtime.Printer.Message($"sensu cluster id: \"{id}\"");
            else
                Write(runtime, chosen, new JsonObject { ["id"] = id });
            return 0;
        }));
        return command;
    }

    private static Command MemberList(CommandFactory factory)
    {
        var format = CommonOptions.Format();
        var command = new Command("member-list", "list cluster members") { format };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var health = await HealthAsync(runtime, cancellationToken);
            var chosen = runtime.Format(result, format);
            if (chosen != OutputFormat.Tabular)
            {
                Write(runtime, chosen, new JsonObject { ["members"] = new JsonArray([.. Members(health).Select(m => (JsonNode?)m.DeepClone())]) });
                return 0;
            }
            runtime.Printer.Table(["ID", "Name", "Peer URLs", "Client URLs"], Members(health).Select(m => (IReadOnlyList<string>)
                [MemberId(m), Text(m["Name"]), string.Empty, runtime.Client.BaseUri.ToString().TrimEnd('/')]));
            return 0;
        }));
        return command;
    }

    private static Command Refused(CommandFactory factory, string verb, string[] arguments)
    {
        var command = new Command(verb, $"{verb.Replace('-', ' ')} (etcd-only in Sensu; refused here)");
        foreach (var name in arguments)
            command.Arguments.Add(new Argument<string?>(name) { Arity = ArgumentArity.ZeroOrOne });
        command.SetAction((result, _) => factory.RunAsync(result, _ => throw new CliException(MembershipRefused)));
        return command;
    }

    private static string MemberId(JsonObject member) =>
        member["MemberID"] is JsonValue v && v.TryGetValue<ulong>(out var id) ? id.ToString("x", CultureInfo.InvariantCulture) : Text(member["MemberID"]);
}
