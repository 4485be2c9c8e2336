using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Execution;
using Sensu.Execution.Assets;
using Sensu.Execution.Host;
using Sensu.Execution.JavaScript;

namespace Sensu.Cli.Commands.Plugin;

/// <summary>
/// <c>sensuctl command exec ALIAS [-- ARGS]</c>: installs the plugin's asset into the cache directory (<c>--cache-dir</c>,
/// else <c>$XDG_CACHE_HOME/sensuctl</c>, else <c>~/.cache/sensuctl</c>) for an entity of class <c>sensuctl</c> with this
/// machine's system facts, then runs <c>bin/entrypoint</c> with the arguments, sensuctl's stdin, the asset's PATH
/// variables and sensuctl's connection (<c>SENSU_API_URL</c>, <c>SENSU_NAMESPACE</c>, <c>SENSU_ACCESS_TOKEN</c>, ...),
/// for at most 30 seconds, as Sensu does.
/// </summary>
public static class CommandPluginExec
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Command Build(CommandFactory factory)
    {
        var alias = new Argument<string>("ALIAS");
        var args = new Argument<string[]>("ARGS") { Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("exec", "executes a sensuctl command plugin") { alias, args };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var name = result.GetValue(alias)!;
            if (!CommandPluginCommands.Store(runtime).Load().TryGetValue(name, out var asset))
                throw new CliException("the alias specified does not exist");
            var cacheDir = result.GetValue(factory.Global.CacheDir) ?? DefaultCacheDir(runtime.Io);
            InstalledAsset installed;
            using (var javaScript = new JintJavaScriptEngine(null, runtime.Io.Time))
            using (var installer = new RuntimeAssetInstaller(new RuntimeAssetOptions { CacheDirectory = cacheDir, TrustedCaFile = runtime.Settings.TrustedCaFile }, javaScript, timeProvider: runtime.Io.Time))
            {
                installed = await installer.InstallAsync(asset, Entity(), cancellationToken) ?? throw new CliException("no asset filters were matched");
            }
            var entrypoint = Path.Combine(installed.Path, "bin", "entrypoint");
            var stdin = await runtime.Io.In.ReadToEndAsync(cancellationToken);
            using var runner = new ProcessRunner(new ProcessRunnerOptions { MaxConcurrency = 1 }, runtime.Io.Time);
            var outcome = await runner.RunAsync(new ProcessRequest
            {
                Command = string.Join(' ', new[] { entrypoint }.Concat(result.GetValue(args) ?? []).Select(Quote)),
                ExtraEnvironment = [.. RuntimeAssetEnvironment.Compose(Connection(runtime), [installed])],
                Stdin = Encoding.UTF8.GetBytes(stdin),
                Timeout = Limit,
            }, cancellationToken);
            await runtime.Io.Out.WriteAsync(outcome.Output);
            if (outcome.TimedOut)
                throw new CliException($"command {name} timed out after {Limit.TotalSeconds} seconds");
            if (outcome.ExitCode != 0)
                throw new CliException("exit status " + outcome.ExitCode.ToString(CultureInfo.InvariantCulture));
            return 0;
        }));
        return command;
    }

    private static string DefaultCacheDir(CliIo io)
    {
        var xdg = io.Env("XDG_CACHE_HOME");
        var home = io.Env("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(xdg ?? Path.Combine(home, ".cache"), "sensuctl");
    }

    private static JsonObject Entity() => new()
    {
        ["metadata"] = new JsonObject { ["name"] = "sensuctl" },
        ["entity_class"] = "sensuctl",
        ["system"] = JsonSerializer.SerializeToNode(SystemFacts.Collect(), SensuJsonContext.Default.EntitySystem),
    };

    private static List<string> Connection(CommandRuntime runtime)
    {
        var settings = runtime.Settings;
        var (access, expiresAt, refresh) = runtime.Client.Session;
        return
        [
            "SENSU_API_URL=" + settings.ApiUrl,
            "SENSU_NAMESPACE=" + settings.Namespace,
            "SENSU_FORMAT=" + Output.OutputFormats.Name(settings.Format),
            "SENSU_API_KEY=" + settings.ApiKey,
            "SENSU_ACCESS_TOKEN=" + access,
            "SENSU_ACCESS_TOKEN_EXPIRES_AT=" + expiresAt.ToString(CultureInfo.InvariantCulture),
            "SENSU_REFRESH_TOKEN=" + refresh,
            "SENSU_TRUSTED_CA_FILE=" + settings.TrustedCaFile,
            "SENSU_INSECURE_SKIP_TLS_VERIFY=" + (settings.InsecureSkipTlsVerify ? "true" : "false"),
            "SENSU_TIMEOUT=" + settings.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + "s",
        ];
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
