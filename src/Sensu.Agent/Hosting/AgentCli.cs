using System.CommandLine;
using System.CommandLine.Parsing;
using Sensu.Agent.Configuration;

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
        var configFile = new Option<string>("--" + AgentFlags.ConfigFile, "-c")
        {
            Description = $"path to sensu-agent config file (default {AgentFlags.DefaultConfigFile})",
        };
        command.Options.Add(configFile);
        var options = new Dictionary<string, Option<string[]>>(StringComparer.Ordinal);
        foreach (var flag in AgentFlags.All)
        {
            var option = new Option<string[]>("--" + flag.Name)
            {
                Description = $"{flag.Description} (env {flag.EnvironmentVariable})",
                Arity = flag.Kind == AgentFlagKind.Switch ? ArgumentArity.ZeroOrOne : ArgumentArity.OneOrMore,
                AllowMultipleArgumentsPerToken = false,
            };
            if (flag.Kind == AgentFlagKind.Switch)
            {
                // A switch is given bare (--deregister) or with its value attached (--deregister=true|false), as Go's
                // flags take booleans; the tokens are kept as text and AgentFlag.Switch reads them.
                option.CustomParser = SwitchTokens;
            }
            command.Options.Add(option);
            options[flag.Name] = option;
        }
        command.SetAction((result, ct) => RunAsync(result, configFile, options, ct));
        return command;
    }

    private static string[] SwitchTokens(ArgumentResult result) => result.Tokens.Select(t => t.Value).ToArray();

    /// <summary>The flags given on the command line, as <c>name → value</c> (repeated list flags joined with commas).</summary>
    public static Dictionary<string, string> GivenFlags(ParseResult result, Option<string> configFile, IReadOnlyDictionary<string, Option<string[]>> options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.GetResult(configFile) is { Implicit: false })
            given[AgentFlags.ConfigFile] = result.GetValue(configFile) ?? "";
        foreach (var (name, option) in options)
        {
            if (result.GetResult(option) is { Implicit: false } optionResult)
            {
                var values = result.GetValue(option) ?? [];
                given[name] = optionResult.Tokens.Count == 0 ? "true" : string.Join(',', values);
            }
        }
        return given;
    }

    private static async Task<int> RunAsync(
        ParseResult result, Option<string> configFile, Dictionary<string, Option<string[]>> options, CancellationToken cancellationToken)
    {
        AgentOptions agentOptions;
        try
        {
            agentOptions = AgentSettings.Load(GivenFlags(result, configFile, options), Environment.GetEnvironmentVariable);
        }
        catch (AgentSettingsException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        return await AgentHost.RunAsync(agentOptions, cancellationToken).ConfigureAwait(false);
    }
}
