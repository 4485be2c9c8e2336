using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Cli.Output;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Cli.Commands.Tessen;

/// <summary><c>sensuctl tessen opt-in|opt-out|info</c>: the cluster's telemetry setting (<c>/api/core/v2/tessen</c>), as Sensu has them.</summary>
public static class TessenCommands
{
    public static Command Build(CommandFactory factory)
    {
        var command = new Command("tessen", "Manage tessen configuration");
        command.Subcommands.Add(OptIn(factory));
        command.Subcommands.Add(OptOut(factory));
        command.Subcommands.Add(Info(factory));
        return command;
    }

    private static string Path => ResourceRegistry.For<TessenConfig>().CollectionPath(null);

    private static JsonNode Body(bool optOut) => new JsonObject { ["opt_out"] = optOut };

    private static Command OptIn(CommandFactory factory)
    {
        var command = new Command("opt-in", "opt-in to the tessen call home service");
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            await runtime.Client.PutAsync(Path, Body(false), cancellationToken);
            runtime.Printer.Message("Thank you so much for opting in!");
            return 0;
        }));
        return command;
    }

    private static Command OptOut(CommandFactory factory)
    {
        var skip = CommonOptions.SkipConfirm();
        var command = new Command("opt-out", "opt-out to the tessen call home service") { skip };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            runtime.Confirm("opt out of", "tessen", result.GetValue(skip));
            await runtime.Client.PutAsync(Path, Body(true), cancellationToken);
            runtime.Printer.Message("I thought we were friends :( Remember, you can opt back in at any time!");
            return 0;
        }));
        return command;
    }

    private static Command Info(CommandFactory factory)
    {
        var format = CommonOptions.Format();
        var command = new Command("info", "show tessen configuration") { format };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var node = await runtime.Client.GetAsync(Path, cancellationToken);
            var config = node.Deserialize(SensuJsonContext.Default.TessenConfig) ?? new TessenConfig();
            var outputFormat = runtime.Format(result, format);
            if (outputFormat == OutputFormat.Tabular)
            {
                runtime.Printer.Message("=== Tessen Configuration");
                runtime.Printer.Message("Opt-Out: " + (config.OptOut ? "true" : "false"));
            }
            else
            {
                runtime.Printer.One(outputFormat, config);
            }
            return 0;
        }));
        return command;
    }
}
