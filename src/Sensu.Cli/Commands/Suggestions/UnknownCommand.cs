using System.CommandLine;
using System.CommandLine.Parsing;

namespace Sensu.Cli.Commands.Suggestions;

/// <summary>
/// Recognises a misspelt or unknown sub-command (<c>sensuctl chek list</c>) in a parse result and words the error
/// as cobra does: <c>unknown command "chek" for "sensuctl"</c>, with the nearest sibling names as suggestions
/// (edit distance at most <see cref="MaxDistance"/>, or a name the typed word is a prefix of).
/// </summary>
public static class UnknownCommand
{
    public const int MaxDistance = 2;

    /// <summary>The error line for an unknown sub-command and the path of the command it was typed under, or null when the parse failed for another reason.</summary>
    public static (string Message, string CommandPath)? Describe(ParseResult result)
    {
        var typed = result.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
        if (typed is null)
            return null;
        // The command the stray word was typed under: the last command token before it.
        Command command = result.RootCommandResult.Command;
        var path = new List<string> { "sensuctl" };
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.Argument && token.Value == typed)
                break;
            if (token.Type != TokenType.Command)
                continue;
            var next = command.Subcommands.FirstOrDefault(c => c.Name == token.Value || c.Aliases.Contains(token.Value));
            if (next is null)
                break;
            command = next;
            path.Add(command.Name);
        }
        if (command.Subcommands.Count == 0)
            return null;
        var suggestions = Suggest(command, typed);
        var parent = string.Join(' ', path);
        var message = $"unknown command \"{typed}\" for \"{parent}\"";
        return (suggestions.Count == 0 ? message : message + $"; did you mean {string.Join(" or ", suggestions.Select(s => $"\"{s}\""))}?", parent);
    }

    public static IReadOnlyList<string> Suggest(Command parent, string typed)
    {
        var candidates = new List<(string Name, int Distance)>();
        foreach (var sub in parent.Subcommands.Where(c => !c.Hidden))
        {
            var best = new[] { sub.Name }.Concat(sub.Aliases)
                .Select(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase) ? 0 : Levenshtein.Distance(typed, n))
                .Min();
            if (best <= MaxDistance)
                candidates.Add((sub.Name, best));
        }
        return candidates.OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Name).ToList();
    }
}
