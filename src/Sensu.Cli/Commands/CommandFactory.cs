using System.CommandLine;
using Sensu.Cli.Config;

namespace Sensu.Cli.Commands;

/// <summary>Gives each command action its <see cref="CommandRuntime"/> (streams, settings, client) for one invocation.</summary>
public sealed class CommandFactory(CliIo io, GlobalOptions global)
{
    public CliIo Io => io;

    public GlobalOptions Global => global;

    public async Task<int> RunAsync(ParseResult result, Func<CommandRuntime, Task<int>> action)
    {
        var settings = CliSettings.Resolve(global.Values(result), io);
        using var runtime = new CommandRuntime(io, settings);
        return await action(runtime);
    }
}
