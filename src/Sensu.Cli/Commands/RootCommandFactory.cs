using System.CommandLine;
using Sensu.Cli.Commands.Configure;

namespace Sensu.Cli.Commands;

/// <summary>Assembles sensuctl's command tree.</summary>
public static class RootCommandFactory
{
    public static RootCommand Create(CliIo io)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("sensuctl controls Sensu instances: create, list, edit and delete resources, add assets, dump everything.");
        global.AddTo(root);
        root.Subcommands.Add(ConfigureCommand.Build(io, global));
        return root;
    }
}
