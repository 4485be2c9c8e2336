using System.CommandLine;

namespace Sensu.Cli.Commands.Version;

/// <summary><c>sensuctl version</c>: prints the version line; needs no configuration.</summary>
public static class VersionCommand
{
    public static Command Build(CliIo io)
    {
        var command = new Command("version", "Show the sensuctl version information");
        command.SetAction(_ =>
        {
            io.Out.WriteLine(CliVersion.Line);
            return 0;
        });
        return command;
    }
}
