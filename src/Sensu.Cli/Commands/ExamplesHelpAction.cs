using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Sensu.Cli.Commands;

/// <summary>
/// Keeps command listings short: a description written as <c>summary\n\nExamples:\n...</c> is cut to its summary,
/// and the examples are printed after the standard help of that command only.
/// </summary>
public sealed class ExamplesHelpAction(HelpAction inner, IReadOnlyDictionary<Command, string> examples) : SynchronousCommandLineAction
{
    private const string Marker = "\n\nExamples:\n";

    public override int Invoke(ParseResult parseResult)
    {
        var result = inner.Invoke(parseResult);
        if (examples.TryGetValue(parseResult.CommandResult.Command, out var text))
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            output.WriteLine(text);
            output.WriteLine();
        }
        return result;
    }

    /// <summary>Splits every description under <paramref name="root"/> and installs the action on the help option.</summary>
    public static void Install(RootCommand root)
    {
        var examples = new Dictionary<Command, string>();
        Split(root, examples);
        var help = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (help?.Action is HelpAction action)
            help.Action = new ExamplesHelpAction(action, examples);
    }

    private static void Split(Command command, Dictionary<Command, string> examples)
    {
        var description = command.Description?.ReplaceLineEndings("\n");
        var at = description?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at >= 0)
        {
            command.Description = description![..at];
            examples[command] = description[(at + Marker.Length)..].TrimEnd();
        }
        foreach (var sub in command.Subcommands)
            Split(sub, examples);
    }
}
