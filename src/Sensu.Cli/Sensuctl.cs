using System.CommandLine;
using Sensu.Cli.Client;
using Sensu.Cli.Commands;
using Sensu.Core.Validation;
using Sensu.Core.Wrapped;

namespace Sensu.Cli;

/// <summary>sensuctl's entry point: builds the command tree, runs one command line, turns every failure into one <c>Error:</c> line.</summary>
public static class Sensuctl
{
    public const int Failure = 1;

    public static RootCommand BuildRoot(CliIo io) => RootCommandFactory.Create(io);

    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken)
    {
        try
        {
            var root = BuildRoot(io);
            var result = root.Parse(args);
            var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
            return await result.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await io.Error.WriteLineAsync("Error: canceled");
            return Failure;
        }
        catch (Exception ex)
        {
            await io.Error.WriteLineAsync("Error: " + OneLine(ex.Message));
            return Failure;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
