using System.CommandLine;
using Sensu.Cli.Client;
using Sensu.Cli.Config;
using Sensu.Cli.Output;

namespace Sensu.Cli.Commands.Configure;

/// <summary>
/// <c>sensuctl configure</c>: logs in through <c>GET /auth</c> (or takes an API key) and writes the <c>cluster</c>
/// and <c>profile</c> files. Interactive on a terminal, or <c>-n</c> with flags.
/// </summary>
public static class ConfigureCommand
{
    public static Command Build(CliIo io, GlobalOptions global)
    {
        var nonInteractive = new Option<bool>("--non-interactive", "-n") { Description = "do not prompt: take every value from flags" };
        var url = new Option<string?>("--url") { Description = $"the Sensu backend API URL (default {CliSettings.DefaultApiUrl})" };
        var username = new Option<string?>("--username") { Description = "username" };
        var password = new Option<string?>("--password") { Description = "password" };
        var format = CommonOptions.Format("preferred output format: tabular, json, wrapped-json or yaml");
        var command = new Command("configure", """
            Initialize sensuctl's configuration: log in and store the access tokens.

            Examples:
              sensuctl configure
              sensuctl configure -n --url http://127.0.0.1:8080 --username admin --password 'P@ssw0rd!' --namespace default --format tabular
              sensuctl configure -n --url https://sensu.example.com:8080 --api-key 7f63b5bc-41f4-4b3e-b59b-5431afd7e6a2 --trusted-ca-file ca.pem
            """)
        {
            nonInteractive, url, username, password, format,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var flags = global.Values(result);
            var files = new ConfigFiles(ConfigFiles.ResolveDirectory(flags.ConfigDir, io.Env));
            var cluster = files.LoadCluster();
            var profile = files.LoadProfile();
            var answers = new ConfigureAnswers(
                result.GetValue(url) ?? io.Env("SENSU_API_URL") ?? cluster.ApiUrl ?? CliSettings.DefaultApiUrl,
                result.GetValue(username),
                result.GetValue(password),
                flags.Namespace ?? profile.Namespace ?? CliSettings.DefaultNamespace,
                result.GetValue(format) ?? profile.Format ?? OutputFormats.Name(OutputFormat.Tabular),
                flags.ApiKey ?? io.Env("SENSU_API_KEY"));
            if (!result.GetValue(nonInteractive))
                answers = Ask(io, answers, result.GetValue(url) is not null, result.GetValue(format) is not null, flags.Namespace is not null);
            OutputFormats.Parse(answers.Format);
            SensuApiClient.ParseUrl(answers.Url);
            if (answers.ApiKey is null && (string.IsNullOrEmpty(answers.Username) || string.IsNullOrEmpty(answers.Password)))
                throw new CliException("a username and a password (or an API key) are required: pass --username and --password");

            var newCluster = new ClusterConfig
            {
                ApiUrl = answers.Url.TrimEnd('/'),
                TrustedCaFile = flags.TrustedCaFile ?? cluster.TrustedCaFile,
                InsecureSkipTlsVerify = flags.InsecureSkipTlsVerify ?? cluster.InsecureSkipTlsVerify,
                Timeout = flags.Timeout is null ? cluster.Timeout : CliSettings.ParseDuration(flags.Timeout).Ticks * 100,
                ApiKey = answers.ApiKey,
            };
            var settings = new CliSettings
            {
                Files = files,
                Cluster = newCluster,
                Profile = profile,
                ApiUrl = newCluster.ApiUrl,
                Namespace = answers.Namespace,
                Format = OutputFormats.Parse(answers.Format),
                Timeout = newCluster.Timeout > 0 ? TimeSpan.FromTicks(newCluster.Timeout / 100) : CliSettings.DefaultTimeout,
                ApiKey = answers.ApiKey,
                TrustedCaFile = newCluster.TrustedCaFile,
                InsecureSkipTlsVerify = newCluster.InsecureSkipTlsVerify,
            };
            using var client = new SensuApiClient(settings, io);
            if (answers.ApiKey is not null)
            {
                await client.GetAsync(Sensu.Core.Registry.ResourceRegistry.For<Sensu.Core.Resources.Core.Namespace>().CollectionPath(null), cancellationToken);
            }
            else
            {
                var tokens = await client.LoginAsync(answers.Username!, answers.Password!, cancellationToken);
                newCluster.AccessToken = tokens.AccessToken;
                newCluster.ExpiresAt = tokens.ExpiresAt;
                newCluster.RefreshToken = tokens.RefreshToken;
            }
            files.Save(newCluster);
            files.Save(new ProfileConfig { Format = answers.Format, Namespace = answers.Namespace, Username = answers.Username });
            return 0;
        });
        return command;
    }

    private static ConfigureAnswers Ask(CliIo io, ConfigureAnswers given, bool urlGiven, bool formatGiven, bool namespaceGiven)
    {
        var prompter = io.Prompter
            ?? (io.InputIsTerminal ? new ConsolePrompter() : throw new CliException(
                "interactive configuration needs a terminal: use 'sensuctl configure -n --url URL --username USER --password PASSWORD'"));
        var answers = given;
        if (!urlGiven)
            answers = answers with { Url = prompter.Ask("Sensu Backend URL", given.Url, secret: false) };
        if (given.ApiKey is null)
        {
            if (string.IsNullOrEmpty(given.Username))
                answers = answers with { Username = prompter.Ask("Username", null, secret: false) };
            if (string.IsNullOrEmpty(given.Password))
                answers = answers with { Password = prompter.Ask("Password", null, secret: true) };
        }
        if (!namespaceGiven)
            answers = answers with { Namespace = prompter.Ask("Namespace", given.Namespace, secret: false) };
        if (!formatGiven)
            answers = answers with { Format = prompter.Ask("Preferred output format (tabular, json, wrapped-json, yaml)", given.Format, secret: false) };
        return answers;
    }
}
