using System.CommandLine;
using Sensu.Agent.Configuration;
using Sensu.Core.Configuration;

namespace Sensu.Agent.Hosting;

/// <summary>The <c>sensu-agent</c> command line: <c>start</c> with Sensu's flags, and <c>version</c>.</summary>
public static class AgentCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Sensu-compatible agent: keepalives, check execution, local event inputs");
        root.Subcommands.Add(BuildStart());
        var version = new Command("version", "Show the sensu-agent version");
        version.SetAction(_ =>
        {
            Console.Out.WriteLine($"sensu-agent version {AgentVersion.Product}, compatible with Sensu {AgentVersion.SensuApiLevel}");
            return 0;
        });
        root.Subcommands.Add(version);
        return root;
    }

    private static Command BuildStart()
    {
        var command = new Command("start", "Start the sensu agent");
        var flags = FlagCommandLine<AgentOptions>.AddTo(command, AgentFlags.Table, "sensu-agent");
        command.SetAction((result, ct) => StartupFailure.RunAsync(
            token => AgentHost.RunAsync(AgentSettings.Load(flags.Given(result), Environment.GetEnvironmentVariable), token),
            classify: null,
            Console.Error,
            ct));
        return command;
    }

    /// <summary>The flags given on the command line, as <c>name → value</c> (repeated list flags joined with commas).</summary>
    public static Dictionary<string, string> GivenFlags(ParseResult result, Option<string> configFile, IReadOnlyDictionary<string, Option> options) =>
        FlagCommandLine<AgentOptions>.Given(AgentFlags.Table, result, configFile, options);
}
