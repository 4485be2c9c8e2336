using System.CommandLine;
using Sensu.Cli.Client;
using Sensu.Cli.Config;
using Sensu.Cli.Output;

namespace Sensu.Cli.Commands;

/// <summary>What one invocation runs with: streams, resolved settings, the API client and the printer.</summary>
public sealed class CommandRuntime : IDisposable
{
    private SensuApiClient? _client;

    public CommandRuntime(CliIo io, CliSettings settings)
    {
        Io = io;
        Settings = settings;
        Printer = new ResourcePrinter(io);
    }

    public CliIo Io { get; }

    public CliSettings Settings { get; }

    public ResourcePrinter Printer { get; }

    public SensuApiClient Client => _client ??= new SensuApiClient(Settings, Io);

    /// <summary>The namespace the command acts in: <c>--namespace</c>, else <c>SENSU_NAMESPACE</c>, else the profile's.</summary>
    public string Namespace => Settings.Namespace;

    public OutputFormat Format(ParseResult result, Option<string?> option)
    {
        var value = result.GetValue(option);
        return value is null ? Settings.Format : OutputFormats.Parse(value);
    }

    /// <summary>Asks "are you sure" on a terminal; without one, refuses unless <c>--skip-confirm</c> was given.</summary>
    public void Confirm(string action, string name, bool skip)
    {
        if (skip)
            return;
        if (!Io.InputIsTerminal && Io.Prompter is null)
            throw new CliException($"refusing to {action} \"{name}\" without confirmation: pass --skip-confirm");
        var prompter = Io.Prompter ?? new ConsolePrompter();
        var answer = prompter.Ask($"Are you sure you would like to {action} \"{name}\"? Type its name to confirm", null, secret: false);
        if (answer.Trim() != name)
            throw new CliException("canceled");
    }

    public void Dispose() => _client?.Dispose();
}
