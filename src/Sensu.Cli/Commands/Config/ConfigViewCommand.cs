using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Sensu.Cli.Config;
using Sensu.Cli.Output;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Cli.Commands.Config;

/// <summary><c>sensuctl config view [--format F]</c>: the active API URL, namespace, format, timeout, user and token expiry.</summary>
public static class ConfigViewCommand
{
    public static Command Build(CommandFactory factory)
    {
        var format = CommonOptions.Format();
        var command = new Command("view", "Display active configuration\n\nExamples:\n  sensuctl config view\n  sensuctl config view --format json") { format };
        command.SetAction((result, _) => factory.RunAsync(result, runtime =>
        {
            var settings = runtime.Settings;
            var username = settings.Profile.Username;
            if (string.IsNullOrEmpty(username) && settings.ApiKey is null)
                throw new CliException("no active configuration found");
            var view = new ActiveConfiguration(
                settings.ApiUrl,
                settings.Namespace,
                OutputFormats.Name(settings.Format),
                GoDuration.Format(settings.Timeout),
                username ?? "",
                settings.ExpiresAt.ToString(CultureInfo.InvariantCulture));
            DetailPrinter.Print(runtime.Io, runtime.Format(result, format), "Active Configuration",
            [
                ("API URL", view.ApiUrl),
                ("Namespace", view.Namespace),
                ("Format", view.Format),
                ("Timeout", view.Timeout),
                ("Username", view.Username),
                ("JWT Expiration Timestamp", view.JwtExpiresAt),
            ], JsonSerializer.SerializeToNode(view, CliJsonContext.Default.ActiveConfiguration)!);
            return Task.FromResult(0);
        }));
        return command;
    }
}
