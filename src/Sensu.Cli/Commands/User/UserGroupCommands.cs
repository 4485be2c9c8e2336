using System.CommandLine;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Registry;
using SensuUser = Sensu.Core.Resources.Core.User;

namespace Sensu.Cli.Commands.User;

/// <summary><c>sensuctl user add-group|remove-group|remove-groups|set-groups</c> through the backend's <c>/users/NAME/groups</c> endpoints.</summary>
public static class UserGroupCommands
{
    private static string Groups(string user) => ResourceRegistry.For<SensuUser>().ItemPath(null, user) + "/groups";

    private static string Group(string user, string group) => Groups(user) + "/" + Uri.EscapeDataString(group);

    public static Command AddGroup(CommandFactory factory)
    {
        var user = new Argument<string>("USERNAME");
        var group = new Argument<string>("GROUP");
        var command = new Command("add-group", "add group to user given username and group\n\nExamples:\n  sensuctl user add-group alice ops") { user, group };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            using (await runtime.Client.SendAsync(HttpMethod.Put, Group(result.GetValue(user)!, result.GetValue(group)!), null, cancellationToken))
            {
            }
            runtime.Printer.Message("Added");
            return 0;
        }));
        return command;
    }

    public static Command RemoveGroup(CommandFactory factory)
    {
        var user = new Argument<string>("USERNAME");
        var group = new Argument<string>("GROUP");
        var command = new Command("remove-group", "remove group from user given username and group\n\nExamples:\n  sensuctl user remove-group alice ops") { user, group };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            await runtime.Client.DeleteAsync(Group(result.GetValue(user)!, result.GetValue(group)!), cancellationToken);
            runtime.Printer.Message("Removed");
            return 0;
        }));
        return command;
    }

    public static Command RemoveGroups(CommandFactory factory)
    {
        var user = new Argument<string>("USERNAME");
        var command = new Command("remove-groups", "remove all the groups for a given user\n\nExamples:\n  sensuctl user remove-groups alice") { user };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            await runtime.Client.DeleteAsync(Groups(result.GetValue(user)!), cancellationToken);
            runtime.Printer.Message("Removed");
            return 0;
        }));
        return command;
    }

    /// <summary>As Sensu does it: remove every group, then add each given one.</summary>
    public static Command SetGroups(CommandFactory factory)
    {
        var user = new Argument<string>("USERNAME");
        var groups = new Argument<string>("GROUPS") { Description = "GROUP1[,GROUP2, ...[,GROUPN]]" };
        var command = new Command("set-groups", "set the groups for a given user\n\nExamples:\n  sensuctl user set-groups alice ops,dev") { user, groups };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var name = result.GetValue(user)!;
            await runtime.Client.DeleteAsync(Groups(name), cancellationToken);
            foreach (var group in FieldParse.Csv(result.GetValue(groups)!))
            {
                using var _ = await runtime.Client.SendAsync(HttpMethod.Put, Group(name, group), null, cancellationToken);
            }
            runtime.Printer.Message("Updated");
            return 0;
        }));
        return command;
    }
}
