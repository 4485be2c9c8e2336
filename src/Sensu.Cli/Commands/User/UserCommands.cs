using System.CommandLine;
using System.Text.Json.Nodes;
using Sensu.Core.Registry;
using Sensu.Core.Wrapped;
using SensuUser = Sensu.Core.Resources.Core.User;

namespace Sensu.Cli.Commands.User;

/// <summary><c>sensuctl user create|password|disable|reinstate</c>.</summary>
public static class UserCommands
{
    private static string Item(string name) => ResourceRegistry.For<SensuUser>().ItemPath(null, name);

    public static Command Create(CommandFactory factory)
    {
        var name = new Argument<string>("USERNAME");
        var password = new Option<string?>("--password", "-p") { Description = "password (at least 8 characters)" };
        var groups = new Option<string?>("--groups", "-g") { Description = "comma-separated groups" };
        var command = new Command("create", "Create a user.\n\nExamples:\n  sensuctl user create alice --password 'S3cret!pass' --groups ops,dev") { name, password, groups };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var user = new SensuUser
            {
                Username = result.GetValue(name),
                Password = result.GetValue(password) ?? throw new CliException("a password is required: pass --password"),
                Groups = result.GetValue(groups)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            };
            await runtime.Client.PostAsync(ResourceRegistry.For<SensuUser>().CollectionPath(null), ApiBody.ToApiBody(user), cancellationToken);
            runtime.Printer.Message("Created");
            return 0;
        }));
        return command;
    }

    public static Command Password(CommandFactory factory)
    {
        var name = new Argument<string>("USERNAME") { Arity = ArgumentArity.ZeroOrOne };
        var current = new Option<string?>("--current-password") { Description = "your current password (when changing your own)" };
        var newPassword = new Option<string?>("--new-password") { Description = "the new password" };
        var command = new Command("change-password", "Change a user's password.\n\nExamples:\n  sensuctl user change-password alice --new-password 'N3w!password'\n  sensuctl user change-password --current-password old --new-password 'N3w!password'")
        {
            name, current, newPassword,
        };
        command.Aliases.Add("password");
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var user = result.GetValue(name) ?? runtime.Settings.Profile.Username ?? throw new CliException("which user? pass USERNAME");
            var body = new JsonObject { ["password_new"] = result.GetValue(newPassword) ?? throw new CliException("pass --new-password") };
            var currentValue = result.GetValue(current);
            if (currentValue is not null)
                body["password"] = currentValue;
            var path = currentValue is null && result.GetValue(name) is not null ? Item(user) + "/reset_password" : Item(user) + "/password";
            await runtime.Client.PutAsync(path, body, cancellationToken);
            runtime.Printer.Message("Updated");
            return 0;
        }));
        return command;
    }

    public static Command Disable(CommandFactory factory)
    {
        var name = new Argument<string>("USERNAME");
        var skip = CommonOptions.SkipConfirm();
        var command = new Command("disable", "Disable a user.\n\nExamples:\n  sensuctl user disable alice --skip-confirm") { name, skip };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            runtime.Confirm("disable", result.GetValue(name)!, result.GetValue(skip));
            await runtime.Client.DeleteAsync(Item(result.GetValue(name)!), cancellationToken);
            runtime.Printer.Message("Disabled");
            return 0;
        }));
        return command;
    }

    public static Command Reinstate(CommandFactory factory)
    {
        var name = new Argument<string>("USERNAME");
        var command = new Command("reinstate", "Reinstate a disabled user.\n\nExamples:\n  sensuctl user reinstate alice") { name };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            await runtime.Client.PutAsync(Item(result.GetValue(name)!) + "/reinstate", new JsonObject(), cancellationToken);
            runtime.Printer.Message("Reinstated");
            return 0;
        }));
        return command;
    }
}
