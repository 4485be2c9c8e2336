using System.CommandLine;

namespace Sensu.Cli.Commands.Imperative;

/// <summary>The command-line option of a <see cref="FormField{T}"/> and its value as text.</summary>
public static class FormOptions
{
    public static Option For<T>(FormField<T> field)
    {
        Option option;
        if (field.IsBool)
            option = new Option<bool>("--" + field.Flag) { DefaultValueFactory = _ => field.Default == "true" };
        else if (field.Repeatable)
            option = new Option<string[]>("--" + field.Flag) { AllowMultipleArgumentsPerToken = false };
        else
            option = new Option<string?>("--" + field.Flag) { DefaultValueFactory = _ => field.Default.Length == 0 ? null : field.Default };
        option.Description = field.Description;
        if (field.Alias is not null)
            option.Aliases.Add("-" + field.Alias);
        return option;
    }

    public static string Value(ParseResult result, Option option) => option switch
    {
        Option<bool> b => result.GetValue(b) ? "true" : "false",
        Option<string[]> many => string.Join(',', result.GetValue(many) ?? []),
        Option<string?> text => result.GetValue(text) ?? "",
        _ => throw new InvalidOperationException(option.Name),
    };
}
