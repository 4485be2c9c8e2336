using System.CommandLine;
using System.CommandLine.Parsing;
using Sensu.Backend.Cluster;
using Sensu.Backend.Hosting.StoreMigration;
using Sensu.Core.Configuration;

namespace Sensu.Backend.Hosting;

/// <summary>The <c>sensu-backend</c> command line: <c>start</c>, <c>init</c>, <c>migrate-store</c>, <c>version</c>, with Sensu's flags.</summary>
public static class BackendCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Sensu-compatible backend: API, agent transport, event pipeline, secrets");
        root.Subcommands.Add(BuildStart());
        root.Subcommands.Add(BuildInit());
        root.Subcommands.Add(BuildMigrateStore());
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
        var flags = FlagCommandLine<BackendOptions>.AddTo(command, BackendFlags.Table, "sensu-backend");
        command.SetAction((result, ct) => RunAsync(flags, result, BackendHost.RunAsync, ct));
        return command;
    }

    private static Command BuildInit()
    {
        var command = new Command("init", "Initialize a new sensu installation: default namespace, RBAC, admin and agent users");
        var flags = FlagCommandLine<BackendOptions>.AddTo(command, BackendFlags.Table, "sensu-backend");
        command.SetAction((result, ct) => RunAsync(flags, result, InitCommand.RunAsync, ct));
        return command;
    }

    private static Command BuildMigrateStore()
    {
        var command = new Command("migrate-store", "Copy a whole store (resources and events) into another, then verify counts and checksums; stop the backends first");
        var from = new Option<string>("--from") { Description = "the store to copy: sqlite:PATH (state dir or sensu.db) or postgres:DSN", Required = true };
        var to = new Option<string>("--to") { Description = "the empty store to fill: sqlite:PATH or postgres:DSN", Required = true };
        var force = new Option<bool>("--force") { Description = "empty a target that already holds data before copying" };
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(force);
        command.SetAction((result, ct) => StartupFailure.RunAsync(
            token => MigrateStoreCommand.RunAsync(result.GetValue(from), result.GetValue(to), result.GetValue(force), Console.Out, Console.Error, token),
            BackendStartupFailures.ExitCode,
            Console.Error,
            ct));
        return command;
    }

    /// <summary>Reads the settings and runs <paramref name="run"/>; expected failures end in <see cref="StartupFailure"/>.</summary>
    private static Task<int> RunAsync(
        FlagCommandLine<BackendOptions> flags,
        ParseResult result,
        Func<BackendOptions, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken) =>
        StartupFailure.RunAsync(
            token => run(BackendSettings.Load(flags.Given(result), Environment.GetEnvironmentVariable), token),
            BackendStartupFailures.ExitCode,
            Console.Error,
            cancellationToken);
}
