using System.CommandLine;
using System.Text.Json.Nodes;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Cli.Commands.Check;

/// <summary><c>sensuctl check execute NAME [--subscriptions a,b] [--reason R]</c>: ad hoc execution request.</summary>
public static class CheckExecuteCommand
{
    public static Command Build(CommandFactory factory)
    {
        var name = new Argument<string>("NAME") { Description = "check name" };
        var subscriptions = new Option<string?>("--subscriptions") { Description = "comma-separated subscriptions to run on (default: the check's)" };
        var reason = new Option<string?>("--reason") { Description = "why the check is run" };
        var command = new Command("execute", """
            Request an ad hoc execution of a check.

            Examples:
              sensuctl check execute check-cpu
              sensuctl check execute check-cpu --subscriptions entity:server01 --reason "testing"
            """)
        {
            name, subscriptions, reason,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var check = result.GetValue(name)!;
            var body = new JsonObject { ["check"] = check };
            if (result.GetValue(subscriptions) is { Length: > 0 } subs)
                body["subscriptions"] = new JsonArray(subs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode?)s).ToArray());
            if (result.GetValue(reason) is { } why)
                body["reason"] = why;
            await runtime.Client.PostAsync(ResourceRegistry.For<CheckConfig>().ItemPath(runtime.Namespace, check) + "/execute", body, cancellationToken);
            runtime.Printer.Message("Issued");
            return 0;
        }));
        return command;
    }
}
