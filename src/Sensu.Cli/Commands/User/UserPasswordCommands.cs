using System.CommandLine;
using System.Text.Json.Nodes;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Registry;
using SensuUser = Sensu.Core.Resources.Core.User;

namespace Sensu.Cli.Commands.User;

/// <summary>
/// <c>sensuctl user reset-password</c> (sends a bcrypt <c>password_hash</c>, as Sensu does), <c>hash-password</c> and
/// <c>test-creds</c>; each takes its password from <c>--password</c> or, with <c>--interactive</c>, asks for it hidden.
/// </summary>
public static class UserPasswordCommands
{
    /// <summary>Sensu's bcrypt cost for password hashes.</summary>
    public const int BcryptCost = 10;

    public static Command ResetPassword(CommandFactory factory)
    {
        var user = new Argument<string>("USERNAME");
        var password = new Option<string?>("--password", "-p") { Description = "new password" };
        var interactive = ImperativeCommands<SensuUser>.InteractiveOption();
        var command = new Command("reset-password", "reset password for given user\n\nExamples:\n  sensuctl user reset-password alice --password 'N3w!password'") { user, password, interactive };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var value = Password(runtime, result, password, interactive, "New Password");
            var body = new JsonObject { ["password_hash"] = BCrypt.Net.BCrypt.HashPassword(value, BcryptCost) };
            await runtime.Client.PutAsync(ResourceRegistry.For<SensuUser>().ItemPath(null, result.GetValue(user)!) + "/reset_password", body, cancellationToken);
            runtime.Printer.Message("Updated");
            return 0;
        }));
        return command;
    }

    public static Command HashPassword(CommandFactory factory)
    {
        var password = new Argument<string>("PASSWORD");
        var command = new Command("hash-password", "generate a hash with the given password to use in the password_hash field\n\nExamples:\n  sensuctl user hash-password 'P@ssw0rd!'") { password };
        command.SetAction((result, _) => factory.RunAsync(result, runtime =>
        {
            runtime.Io.Out.WriteLine(BCrypt.Net.BCrypt.HashPassword(result.GetValue(password)!, BcryptCost));
            return Task.FromResult(0);
        }));
        return command;
    }

    public static Command TestCreds(CommandFactory factory)
    {
        var user = new Argument<string?>("NAME") { Arity = ArgumentArity.ZeroOrOne };
        var password = new Option<string?>("--password", "-p") { Description = "Password" };
        var interactive = ImperativeCommands<SensuUser>.InteractiveOption();
        var command = new Command("test-creds", "test user credentials\n\nExamples:\n  sensuctl user test-creds alice --password 'P@ssw0rd!'") { user, password, interactive };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var name = result.GetValue(user);
            if (result.GetValue(interactive))
                name = Questionnaire.Ask(runtime.Io, Questionnaire.Require(runtime.Io), "Username", name ?? "", required: true);
            if (string.IsNullOrEmpty(name))
                throw new CliException("invalid argument(s) received: a USERNAME is required");
            var value = Password(runtime, result, password, interactive, "Password");
            if (!await runtime.Client.TestCredentialsAsync(name, value, cancellationToken))
                throw new CliException("Unauthorized: the credentials are not valid");
            return 0;
        }));
        return command;
    }

    private static string Password(CommandRuntime runtime, ParseResult result, Option<string?> option, Option<bool> interactive, string question)
    {
        if (result.GetValue(interactive))
        {
            var answer = Questionnaire.Require(runtime.Io).Ask(question, null, secret: true);
            return answer.Length > 0 ? answer : throw new CliException("a password is required");
        }
        return result.GetValue(option) is { Length: > 0 } given ? given : throw new CliException("required flag(s) \"password\" not set");
    }
}
