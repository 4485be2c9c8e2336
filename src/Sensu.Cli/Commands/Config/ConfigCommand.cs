using System.CommandLine;

namespace Sensu.Cli.Commands.Config;

/// <summary><c>sensuctl config</c>: view and modify sensuctl's own configuration.</summary>
public static class ConfigCommand
{
    public static Command Build(CommandFactory factory) => new("config", "Modify sensuctl configuration")
    {
        ConfigSetCommands.SetFormat(factory),
        ConfigSetCommands.SetNamespace(factory),
        ConfigSetCommands.SetTimeout(factory),
        ConfigViewCommand.Build(factory),
    };
}
