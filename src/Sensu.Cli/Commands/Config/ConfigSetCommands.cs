using System.CommandLine;
using Sensu.Cli.Config;
using Sensu.Cli.Output;

namespace Sensu.Cli.Commands.Config;

/// <summary><c>sensuctl config set-format|set-namespace|set-timeout VALUE</c>: write one default to the profile or cluster file.</summary>
public static class ConfigSetCommands
{
    public static Command SetFormat(CommandFactory factory) => Build(factory, "set-format", "FORMAT", "Set format for active profile",
        "sensuctl config set-format yaml", (files, value) =>
        {
            if (!OutputFormats.Names.Contains(value, StringComparer.Ordinal))
                throw new CliException($"invalid format \"{value}\" (use {string.Join(", ", OutputFormats.Names)})");
            var profile = files.LoadProfile();
            profile.Format = value;
            files.Save(profile);
        });

    public static Command SetNamespace(CommandFactory factory) => Build(factory, "set-namespace", "NAMESPACE", "Set namespace for active profile",
        "sensuctl config set-namespace production", (files, value) =>
        {
            var profile = files.LoadProfile();
            profile.Namespace = value;
            files.Save(profile);
        });

    public static Command SetTimeout(CommandFactory factory) => Build(factory, "set-timeout", "TIMEOUT", "Set timeout for active profile in duration format (ex: 15s)",
        "sensuctl config set-timeout 30s", (files, value) =>
        {
            var timeout = CliSettings.ParseDuration(value);
            var cluster = files.LoadCluster();
            cluster.Timeout = timeout.Ticks * 100;
            files.Save(cluster);
        });

    private static Command Build(CommandFactory factory, string name, string argument, string description, string example, Action<ConfigFiles, string> apply)
    {
        var value = new Argument<string>(argument);
        var command = new Command(name, $"{description}\n\nExamples:\n  {example}") { value };
        command.SetAction((result, _) => factory.RunAsync(result, runtime =>
        {
            apply(runtime.Settings.Files, result.GetValue(value)!);
            runtime.Printer.Message("Updated");
            return Task.FromResult(0);
        }));
        return command;
    }
}
