using System.CommandLine;
using System.Text.Json.Nodes;
using Sensu.Cli.Commands.Resources;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.Event;

/// <summary><c>sensuctl event list|info|delete|resolve</c>: events are addressed by ENTITY and CHECK.</summary>
public static class EventCommand
{
    public static Command Build(CommandFactory factory, ResourceCommandBuilder builder)
    {
        var spec = ResourceSpec.Of("event", "events", "Event");
        var command = new Command("event", "Manage events");
        command.Subcommands.Add(builder.List(spec));
        command.Subcommands.Add(Info(factory));
        command.Subcommands.Add(Delete(factory));
        command.Subcommands.Add(Resolve(factory));
        return command;
    }

    private static string Path(CommandRuntime runtime, string entity, string check) =>
        $"{ResourceRegistry.For<Sensu.Core.Resources.Core.Event>().CollectionPath(runtime.Namespace)}/{Uri.EscapeDataString(entity)}/{Uri.EscapeDataString(check)}";

    private static (Argument<string> Entity, Argument<string> Check) Arguments() =>
        (new Argument<string>("ENTITY") { Description = "entity name" }, new Argument<string>("CHECK") { Description = "check name" });

    private static Command Info(CommandFactory factory)
    {
        var (entity, check) = Arguments();
        var format = CommonOptions.Format();
        var command = new Command("info", "Show one event.\n\nExamples:\n  sensuctl event info server01 check-cpu --format yaml") { entity, check, format };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var node = await runtime.Client.GetAsync(Path(runtime, result.GetValue(entity)!, result.GetValue(check)!), cancellationToken);
            runtime.Printer.One(runtime.Format(result, format), ApiDecoding.Decode(ResourceRegistry.For<Sensu.Core.Resources.Core.Event>(), node));
            return 0;
        }));
        return command;
    }

    private static Command Delete(CommandFactory factory)
    {
        var (entity, check) = Arguments();
        var skip = CommonOptions.SkipConfirm();
        var command = new Command("delete", "Delete one event.\n\nExamples:\n  sensuctl event delete server01 check-cpu --skip-confirm") { entity, check, skip };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            runtime.Confirm("delete event", $"{result.GetValue(entity)}/{result.GetValue(check)}", result.GetValue(skip));
            await runtime.Client.DeleteAsync(Path(runtime, result.GetValue(entity)!, result.GetValue(check)!), cancellationToken);
            runtime.Printer.Message("Deleted");
            return 0;
        }));
        return command;
    }

    private static Command Resolve(CommandFactory factory)
    {
        var (entity, check) = Arguments();
        var command = new Command("resolve", "Resolve an event: set its check status to 0.\n\nExamples:\n  sensuctl event resolve server01 check-cpu") { entity, check };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var path = Path(runtime, result.GetValue(entity)!, result.GetValue(check)!);
            var type = ResourceRegistry.For<Sensu.Core.Resources.Core.Event>();
            var resolved = (Sensu.Core.Resources.Core.Event)ApiDecoding.Decode(type, await runtime.Client.GetAsync(path, cancellationToken));
            if (resolved.Check is null)
                throw new CliException("the event has no check to resolve");
            resolved.Check.Status = 0;
            resolved.Check.Output = "Resolved manually by sensuctl";
            resolved.Check.Executed = runtime.Io.Time.GetUtcNow().ToUnixTimeSeconds();
            resolved.Timestamp = resolved.Check.Executed;
            await runtime.Client.PutAsync(path, ApiBody.ToApiBody(resolved), cancellationToken);
            runtime.Printer.Message("Resolved");
            return 0;
        }));
        return command;
    }
}
