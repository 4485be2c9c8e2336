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
        var name = new Argument<string?>("USERNAME") { Arity = ArgumentArity.ZeroOrOne };
        var password = new Option<string?>("--password", "-p") { Description = "password (at least 8 characters)" };
        var groups = new Option<string?>("--groups", "-g") { Description = "comma-separated groups" };
        var interactive = Imperative.ImperativeCommands<SensuUser>.InteractiveOption();
        var command = new Command("create", "Create a user.\n\nExamples:\n  sensuctl user create alice --password 'S3cret!pass' --groups ops,dev\n  sensuctl user create --interactive")
        {
            name, password, groups, interactive,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var (username, passwordValue, groupsValue) = (result.GetValue(name) ?? "", result.GetValue(password) ?? "", result.GetValue(groups) ?? "");
            if (result.GetValue(interactive))
            {
                var prompter = Imperative.Questionnaire.Require(runtime.Io);
                username = Imperative.Questionnaire.Ask(runtime.Io, prompter, "Username", username, required: true);
                if (passwordValue.Length == 0)
                    passwordValue = prompter.Ask("Password", null, secret: true);
                groupsValue = Imperative.Questionnaire.Ask(runtime.Io, prompter, "Groups", groupsValue, required: false);
            }
            var user = new SensuUser
            {
                Username = username.Length > 0 ? username : throw new CliException("invalid argument(s) received: a USERNAME is required"),
                Password = passwordValue.Length > 0 ? passwordValue : throw new CliException("a password is required: pass --password"),
                Groups = Imperative.FieldParse.Csv(groupsValue),
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
        var current = new Option<string?>("--current-password", "-c") { Description = "your current password (when changing your own)" };
        var newPassword = new Option<string?>("--new-password", "-p") { Description = "the new password" };
        var interactive = Imperative.ImperativeCommands<SensuUser>.InteractiveOption();
        var command = new Command("change-password", "Change a user's password.\n\nExamples:\n  sensuctl user change-password alice --new-password 'N3w!password'\n  sensuctl user change-password --current-password old --new-password 'N3w!password'")
        {
            name, current, newPassword, interactive,
        };
        command.Aliases.Add("password");
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var user = result.GetValue(name) ?? runtime.Settings.Profile.Username ?? throw new CliException("which user? pass USERNAME");
            var newValue = result.GetValue(newPassword);
            var currentValue = result.GetValue(current);
            if (result.GetValue(interactive))
            {
                var prompter = Imperative.Questionnaire.Require(runtime.Io);
                if (result.GetValue(name) is null || result.GetValue(name) == runtime.Settings.Profile.Username)
                    currentValue = prompter.Ask("Current Password", null, secret: true);
                newValue = prompter.Ask("Password", null, secret: true);
                if (prompter.Ask("Confirm Password", null, secret: true) != newValue)
                    throw new CliException("the passwords do not match");
            }
            var body = new JsonObject { ["password_new"] = newValue ?? throw new CliException("pass --new-password") };
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
