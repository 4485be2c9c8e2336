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
        var interactive = new Option<bool>("--interactive") { Description = "ask for the check, the reason and the subscriptions" };
        var command = new Command("execute", """
            Request an ad hoc execution of a check.

            Examples:
              sensuctl check execute check-cpu
              sensuctl check execute check-cpu --subscriptions entity:server01 --reason "testing"
            """)
        {
            name, subscriptions, reason, interactive,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var check = result.GetValue(name)!;
            var why = result.GetValue(reason);
            var targets = result.GetValue(subscriptions);
            if (result.GetValue(interactive))
            {
                // Sensu's questions: the check (required), a reason and the subscriptions, each defaulting to what was given.
                var prompter = Imperative.Questionnaire.Require(runtime.Io);
                check = Imperative.Questionnaire.Ask(runtime.Io, prompter, "Check", check, required: true);
                why = Imperative.Questionnaire.Ask(runtime.Io, prompter, "Reason", why ?? "", required: false);
                targets = Imperative.Questionnaire.Ask(runtime.Io, prompter, "Subscriptions", targets ?? "", required: false);
            }
            var body = new JsonObject { ["check"] = check };
            if (targets is { Length: > 0 } subs)
                body["subscriptions"] = new JsonArray(subs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => (JsonNode?)s).ToArray());
            if (!string.IsNullOrEmpty(why))
                body["reason"] = why;
            await runtime.Client.PostAsync(ResourceRegistry.For<CheckConfig>().ItemPath(runtime.Namespace, check) + "/execute", body, cancellationToken);
            runtime.Printer.Message("Issued");
            return 0;
        }));
        return command;
    }
}
