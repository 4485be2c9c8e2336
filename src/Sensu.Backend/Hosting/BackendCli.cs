using System.CommandLine;
using System.CommandLine.Parsing;
using Sensu.Backend.Cluster;

namespace Sensu.Backend.Hosting;

/// <summary>The <c>sensu-backend</c> command line: <c>start</c>, <c>init</c>, <c>version</c>, with Sensu's flags.</summary>
public static class BackendCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Sensu-compatible backend: API, agent transport, event pipeline, secrets");
        root.Subcommands.Add(BuildStart());
        root.Subcommands.Add(BuildInit());
        var version = new Command("version", "Show the sensu-backend version");
        version.SetAction(_ =>
        {
            Console.Out.WriteLine($"sensu-backend version {BackendVersion.Product}, API level {BackendVersion.SensuApiLevel}");
            return 0;
        });
        root.Subcommands.Add(version);
        return root;
    }

    private static Command BuildStart()
    {
        var command = new Command("start", "Start the sensu backend");
        var options = AddFlagOptions(command);
        command.SetAction((result, ct) => RunAsync(result, options, static (o, ct) => BackendHost.RunAsync(o, ct), ct));
        return command;
    }

    private static Command BuildInit()
    {
        var command = new Command("init", "Initialize a new sensu installation: default namespace, RBAC, admin and agent users");
        var options = AddFlagOptions(command);
        command.SetAction((result, ct) => RunAsync(result, options, static (o, ct) => InitCommand.RunAsync(o, ct), ct));
        return command;
    }

    private static Dictionary<string, Option<string>> AddFlagOptions(Command command)
    {
        var options = new Dictionary<string, Option<string>>(StringComparer.Ordinal);
        var configFile = new Option<string>("--" + BackendFlags.ConfigFile, "-c")
        {
            Description = $"path to sensu-backend config file (default {BackendFlags.DefaultConfigFile})",
        };
        command.Options.Add(configFile);
        options[BackendFlags.ConfigFile] = configFile;

        foreach (var flag in BackendFlags.All)
        {
            var option = new Option<string>("--" + flag.Name)
            {
                Description = $"{flag.Description} (env {flag.EnvironmentVariable})",
            };
            if (flag.IsSwitch)
                option.Arity = ArgumentArity.ZeroOrOne;
            command.Options.Add(option);
            options[flag.Name] = option;
        }
        return options;
    }

    private static async Task<int> RunAsync(
        ParseResult result,
        Dictionary<string, Option<string>> options,
        Func<BackendOptions, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, option) in options)
        {
            if (result.GetResult(option) is { Implicit: false } optionResult)
                given[name] = optionResult.Tokens.Count == 0 ? "true" : result.GetValue(option) ?? string.Empty;
        }

        BackendOptions backendOptions;
        try
        {
            backendOptions = BackendSettings.Load(given, Environment.GetEnvironmentVariable);
        }
        catch (BackendSettingsException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        return await run(backendOptions, cancellationToken).ConfigureAwait(false);
    }
}
