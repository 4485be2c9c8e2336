using System.CommandLine;

namespace Sensu.Cli.Commands.Imperative;

/// <summary>A cobra-style string-slice flag: repeatable, each value itself comma-separated (<c>-v get,list -v create</c>).</summary>
public static class StringSlice
{
    public static Option<string[]> Option(string name, string? alias, string description, bool hidden = false)
    {
        var option = new Option<string[]>("--" + name) { Description = description, AllowMultipleArgumentsPerToken = false, Hidden = hidden };
        if (alias is not null)
            option.Aliases.Add("-" + alias);
        return option;
    }

    public static List<string> Values(ParseResult result, Option<string[]> option) =>
        [.. (result.GetValue(option) ?? []).SelectMany(FieldParse.Csv)];
}
