using System.CommandLine;
using Sensu.Cli.Commands.Completion;
using Sensu.Cli.Commands.Configure;
using Sensu.Cli.Commands.Create;
using Sensu.Cli.Commands.Dump;
using Sensu.Cli.Commands.Edit;
using Sensu.Cli.Commands.Resources;

namespace Sensu.Cli.Commands;

/// <summary>Assembles sensuctl's command tree.</summary>
public static class RootCommandFactory
{
    public static RootCommand Create(CliIo io)
    {
        var global = new GlobalOptions();
        var root = new RootCommand("sensuctl controls Sensu instances: create, list, edit and delete resources, add assets, dump everything.");
        global.AddTo(root);
        var factory = new CommandFactory(io, global);
        root.Subcommands.Add(ConfigureCommand.Build(io, global));
        root.Subcommands.Add(CreateCommand.Build(factory, delete: false));
        root.Subcommands.Add(CreateCommand.Build(factory, delete: true));
        root.Subcommands.Add(DumpCommand.Build(factory));
        root.Subcommands.Add(EditCommand.Build(factory));
        root.Subcommands.Add(CompletionCommand.Build(io));
        root.Subcommands.Add(Config.ConfigCommand.Build(factory));
        root.Subcommands.Add(DescribeType.DescribeTypeCommand.Build(factory));
        root.Subcommands.Add(Env.EnvCommand.Build(factory));
        root.Subcommands.Add(Logout.LogoutCommand.Build(factory));
        root.Subcommands.Add(Version.VersionCommand.Build(io));
        root.Subcommands.Add(Plugin.CommandPluginCommands.Build(factory));
        root.Subcommands.Add(Tessen.TessenCommands.Build(factory));
        root.Subcommands.Add(Cluster.ClusterCommands.Build(factory));
        foreach (var command in ResourceCommands.Build(factory))
            root.Subcommands.Add(command);
        ExamplesHelpAction.Install(root);
        return root;
    }
}
