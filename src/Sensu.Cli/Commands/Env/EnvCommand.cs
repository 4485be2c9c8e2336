using System.CommandLine;
using System.Globalization;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Cli.Commands.Env;

/// <summary>
/// <c>sensuctl env [--shell bash|cmd|powershell]</c>: refreshes the access token silently, then prints the shell
/// commands that export sensuctl's settings (<c>SENSU_API_URL</c> ... <c>SENSU_TIMEOUT</c>) and how to evaluate them.
/// </summary>
public static class EnvCommand
{
    public static Command Build(CommandFactory factory)
    {
        var shell = new Option<string?>("--shell") { Description = "force environment to be configured for a specified shell (\"bash\"|\"cmd\"|\"powershell\")" };
        shell.AcceptOnlyFromAmong([.. ShellSyntax.Names]);
        var command = new Command("env", """
            Display the commands to set up the environment used by sensuctl

            Examples:
              eval $(sensuctl env)
              sensuctl env --shell powershell | Invoke-Expression
            """)
        {
            shell,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            await runtime.Client.TryRefreshSessionAsync(cancellationToken);
            var settings = runtime.Settings;
            var (access, expiresAt, refresh) = runtime.Client.Session;
            var syntax = ShellSyntax.For(result.GetValue(shell), runtime.Io.Env("SHELL"));
            var lines = new (string Name, string Value)[]
            {
                ("SENSU_API_URL", settings.ApiUrl),
                ("SENSU_NAMESPACE", settings.Namespace),
                ("SENSU_FORMAT", Output.OutputFormats.Name(settings.Format)),
                ("SENSU_API_KEY", settings.ApiKey ?? ""),
                ("SENSU_ACCESS_TOKEN", access ?? ""),
                ("SENSU_ACCESS_TOKEN_EXPIRES_AT", expiresAt.ToString(CultureInfo.InvariantCulture)),
                ("SENSU_REFRESH_TOKEN", refresh ?? ""),
                ("SENSU_TRUSTED_CA_FILE", settings.TrustedCaFile ?? ""),
                ("SENSU_INSECURE_SKIP_TLS_VERIFY", settings.InsecureSkipTlsVerify ? "true" : "false"),
                ("SENSU_TIMEOUT", GoDuration.Format(settings.Timeout)),
            };
            foreach (var (name, value) in lines)
                runtime.Io.Out.WriteLine(syntax.Line(name, value));
            runtime.Io.Out.WriteLine(syntax.UsageHint(CommandLine(result)));
            return 0;
        }));
        return command;
    }

    private static string CommandLine(ParseResult result) =>
        string.Join(' ', new[] { "sensuctl" }.Concat(result.Tokens.Select(t => t.Value)));
}
