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
            var result = root.Parse(HelpWord(root, args));
            if (result.Errors.Count > 0 && result.Action is not Commands.ExamplesHelpAction and not System.CommandLine.Help.HelpAction)
            {
                var command = string.Join(' ', CommandPath(result.CommandResult));
                var (message, path) = Commands.Suggestions.UnknownCommand.Describe(result) ?? (OneLine(result.Errors[0].Message), command);
                await io.Error.WriteLineAsync($"Error: {message} (see '{path} --help')");
                return Failure;
            }
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

    /// <summary>
    /// <c>sensuctl GROUP help</c> (Cobra's help word after a command that has subcommands) is <c>sensuctl GROUP --help</c>.
    /// </summary>
    private static string[] HelpWord(RootCommand root, string[] args)
    {
        if (args.Length == 0 || args[^1] != "help")
            return args;
        var parent = root.Parse(args[..^1]);
        return parent.UnmatchedTokens.Count == 0 && parent.CommandResult.Command.Subcommands.Count > 0 ? [.. args[..^1], "--help"] : args;
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is System.CommandLine.Parsing.CommandResult c)
                names.Push(c.Parent is null ? "sensuctl" : c.Command.Name);
        }
        return names;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Replace("\t", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim();
}
