using System.CommandLine;
using System.Text.Json.Nodes;
using Sensu.Core.Registry;

namespace Sensu.Cli.Commands.ApiKey;

/// <summary><c>sensuctl api-key grant USERNAME</c> and <c>sensuctl api-key revoke KEY</c>.</summary>
public static class ApiKeyCommands
{
    private static ResourceType Type => ResourceRegistry.For<Sensu.Core.Resources.Core.ApiKey>();

    public static Command Grant(CommandFactory factory)
    {
        var user = new Argument<string>("USERNAME");
        var command = new Command("grant", "Create an API key for a user.\n\nExamples:\n  sensuctl api-key grant admin") { user };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var location = await runtime.Client.PostAsync(Type.CollectionPath(null), new JsonObject { ["username"] = result.GetValue(user) }, cancellationToken);
            runtime.Printer.Message($"Created: {location}");
            return 0;
        }));
        return command;
    }

    public static Command Revoke(CommandFactory factory)
    {
        var key = new Argument<string>("KEY");
        var skip = CommonOptions.SkipConfirm();
        var command = new Command("revoke", "Revoke an API key.\n\nExamples:\n  sensuctl api-key revoke 7f63b5bc-41f4-4b3e-b59b-5431afd7e6a2 --skip-confirm") { key, skip };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            runtime.Confirm("revoke", result.GetValue(key)!, result.GetValue(skip));
            await runtime.Client.DeleteAsync(Type.ItemPath(null, result.GetValue(key)!), cancellationToken);
            runtime.Printer.Message("Deleted");
            return 0;
        }));
        return command;
    }
}
