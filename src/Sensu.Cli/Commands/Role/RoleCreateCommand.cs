using System.CommandLine;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using SensuClusterRole = Sensu.Core.Resources.Core.ClusterRole;
using SensuRole = Sensu.Core.Resources.Core.Role;

namespace Sensu.Cli.Commands.Role;

/// <summary><c>sensuctl role create NAME --verb V --resource R [--resource-name N]</c> and its cluster-wide twin: a role with a single rule.</summary>
public static class RoleCreateCommand
{
    public static Command Role(CommandFactory factory) => Build(factory, "role", RuleFlags.ForRole(), "--verb get,list --resource checks,events",
        rule => new SensuRole { Rules = [rule] });

    public static Command ClusterRole(CommandFactory factory) => Build(factory, "cluster role", RuleFlags.ForClusterRole(), "--verbs get,list --resources namespaces",
        rule => new SensuClusterRole { Rules = [rule] });

    private static Command Build(CommandFactory factory, string noun, RuleFlags flags, string example, Func<Core.Resources.Core.RbacRule, IResource> make)
    {
        var name = new Argument<string>("NAME") { Description = $"name of the {noun}" };
        var command = new Command("create", $"create a new {noun} with a single rule\n\nExamples:\n  sensuctl {noun.Replace(' ', '-')} create readonly {example}") { name };
        foreach (var option in flags.Options)
            command.Options.Add(option);
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var resource = make(flags.Rule(result));
            var type = ResourceRegistry.For(resource);
            resource.Metadata.Name = result.GetValue(name)!;
            resource.Metadata.Namespace = type.Namespaced ? runtime.Namespace : "";
            resource.Validate();
            await runtime.Client.PostAsync(type.CollectionPath(type.Namespaced ? runtime.Namespace : null), ApiBody.ToApiBody(resource), cancellationToken);
            runtime.Printer.Message("Created");
            return 0;
        }));
        return command;
    }
}
