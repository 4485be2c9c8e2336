using System.CommandLine;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.RoleBinding;

/// <summary>
/// <c>sensuctl role-binding create NAME --role R|--cluster-role C --user U --group G</c> and
/// <c>sensuctl cluster-role-binding create NAME --cluster-role C --user U --group G</c>.
/// </summary>
public static class RoleBindingCreateCommand
{
    public static Command RoleBinding(CommandFactory factory)
    {
        var role = new Option<string?>("--role", "-r") { Description = "the role this role binding should reference" };
        var clusterRole = new Option<string?>("--cluster-role", "-c") { Description = "the cluster role this role binding should reference" };
        return Build(factory, "role binding", "create a new role binding for a particular role or cluster role", "--role readonly --user alice --group ops",
            [clusterRole, role], result =>
            {
                var reference = result.GetValue(clusterRole) is { Length: > 0 } c ? new RoleRef { Type = RoleRef.ClusterRoleType, Name = c }
                    : result.GetValue(role) is { Length: > 0 } r ? new RoleRef { Type = RoleRef.RoleType, Name = r }
                    : throw new CliException("a role or cluster role must be provided");
                return (reference, subjects => new Core.Resources.Core.RoleBinding { RoleRef = reference, Subjects = subjects });
            });
    }

    public static Command ClusterRoleBinding(CommandFactory factory)
    {
        var clusterRole = new Option<string?>("--cluster-role", "-c") { Description = "the cluster role this cluster role binding should reference" };
        return Build(factory, "cluster role binding", "create a new cluster role binding for a particular cluster role", "--cluster-role admin --group ops",
            [clusterRole], result =>
            {
                var reference = result.GetValue(clusterRole) is { Length: > 0 } c ? new RoleRef { Type = RoleRef.ClusterRoleType, Name = c }
                    : throw new CliException("a cluster role must be provided");
                return (reference, subjects => new Core.Resources.Core.ClusterRoleBinding { RoleRef = reference, Subjects = subjects });
            });
    }

    private static Command Build(CommandFactory factory, string noun, string description, string example, Option[] roleOptions,
        Func<ParseResult, (RoleRef Reference, Func<List<Subject>, IResource> Make)> roleOf)
    {
        var name = new Argument<string>("NAME") { Description = $"name of the {noun}" };
        var groups = StringSlice.Option("group", "g", $"groups to bind to the {(noun.StartsWith("cluster", StringComparison.Ordinal) ? "cluster role" : "role")}");
        var users = StringSlice.Option("user", "u", $"users to bind to the {(noun.StartsWith("cluster", StringComparison.Ordinal) ? "cluster role" : "role")}");
        var command = new Command("create", $"{description}\n\nExamples:\n  sensuctl {noun.Replace(' ', '-')} create ops-readonly {example}") { name, groups, users };
        foreach (var option in roleOptions)
            command.Options.Add(option);
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var (_, make) = roleOf(result);
            var subjects = StringSlice.Values(result, groups).Select(g => new Subject { Type = Subject.GroupType, Name = g })
                .Concat(StringSlice.Values(result, users).Select(u => new Subject { Type = Subject.UserType, Name = u }))
                .ToList();
            if (subjects.Count == 0)
                throw new CliException("at least one group or user must be provided");
            var resource = make(subjects);
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
