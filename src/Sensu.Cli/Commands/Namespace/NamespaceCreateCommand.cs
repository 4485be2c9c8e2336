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
        var name = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne };
        var interactive = new Option<bool>("--interactive") { Description = "ask for the namespace's name" };
        var command = new Command("create", "Create a namespace.\n\nExamples:\n  sensuctl namespace create production") { name, interactive };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var given = result.GetValue(name);
            if (result.GetValue(interactive))
                given = Imperative.Questionnaire.Ask(runtime.Io, Imperative.Questionnaire.Require(runtime.Io), "Name", given ?? "", required: true);
            if (string.IsNullOrEmpty(given))
                throw new CliException("a namespace name is required");
            var ns = new SensuNamespace(given);
            await runtime.Client.PostAsync(ResourceRegistry.For<SensuNamespace>().CollectionPath(null), ApiBody.ToApiBody(ns), cancellationToken);
            runtime.Printer.Message("Created");
            return 0;
        }));
        return command;
    }
}
