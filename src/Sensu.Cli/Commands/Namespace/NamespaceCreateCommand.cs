using System.CommandLine;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using SensuNamespace = Sensu.Core.Resources.Core.Namespace;

namespace Sensu.Cli.Commands.Namespace;

/// <summary><c>sensuctl namespace create NAME</c>.</summary>
public static class NamespaceCreateCommand
{
    public static Command Build(CommandFactory factory)
    {
        var name = new Argument<string>("NAME");
        var command = new Command("create", "Create a namespace.\n\nExamples:\n  sensuctl namespace create production") { name };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var ns = new SensuNamespace(result.GetValue(name)!);
            await runtime.Client.PostAsync(ResourceRegistry.For<SensuNamespace>().CollectionPath(null), ApiBody.ToApiBody(ns), cancellationToken);
            runtime.Printer.Message("Created");
            return 0;
        }));
        return command;
    }
}
