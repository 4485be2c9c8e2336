using System.CommandLine;
using System.Text.Json.Nodes;

namespace Sensu.Cli.Commands.Logout;

/// <summary>
/// <c>sensuctl logout</c>: revokes the refresh token (<c>POST /auth/logout</c>), then clears the tokens from the
/// cluster file and resets <c>insecure-skip-tls-verify</c> and <c>trusted-ca-file</c> to their defaults, as Sensu does.
/// </summary>
public static class LogoutCommand
{
    public static Command Build(CommandFactory factory)
    {
        var command = new Command("logout", "Logout from sensuctl");
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var (_, _, refresh) = runtime.Client.Session;
            if (refresh is not null)
                await runtime.Client.PostAsync("/auth/logout", new JsonObject { ["refresh_token"] = refresh }, cancellationToken);
            var files = runtime.Settings.Files;
            var cluster = files.LoadCluster();
            cluster.AccessToken = null;
            cluster.RefreshToken = null;
            cluster.ExpiresAt = 0;
            cluster.InsecureSkipTlsVerify = false;
            cluster.TrustedCaFile = null;
            files.Save(cluster);
            runtime.Printer.Message("You have been logged out");
            return 0;
        }));
        return command;
    }
}
