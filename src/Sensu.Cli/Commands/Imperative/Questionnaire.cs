namespace Sensu.Cli.Commands.Imperative;

/// <summary>Asks a form's questions through <see cref="IPrompter"/>, re-asking while a required answer is empty or invalid.</summary>
public static class Questionnaire
{
    /// <summary>The prompter to use: the one given (tests, scripts), else the terminal; null when neither is available.</summary>
    public static IPrompter? Available(CliIo io) => io.Prompter ?? (io.InputIsTerminal ? new ConsolePrompter() : null);

    public static IPrompter Require(CliIo io) => Available(io)
        ?? throw new CliException("interactive mode needs a terminal: pass the values as flags (with --interactive=false)");

    public static string Ask(CliIo io, IPrompter prompter, string question, string defaultValue, bool required, Func<string, string?>? check = null)
    {
        while (true)
        {
            var answer = prompter.Ask(question, defaultValue.Length == 0 ? null : defaultValue, secret: false).Trim();
            var error = required && answer.Length == 0 ? "Value is required" : answer.Length == 0 ? null : check?.Invoke(answer);
            if (error is null)
                return answer;
            io.Error.WriteLine($"X Sorry, your reply was invalid: {error}");
        }
    }

    /// <summary>Asks every field of <paramref name="form"/> in order, with <paramref name="values"/> as defaults; returns the answers.</summary>
    public static Dictionary<string, string> AskAll<T>(CliIo io, IPrompter prompter, ResourceForm<T> form, IReadOnlyDictionary<string, string> values)
        where T : class, Sensu.Core.Meta.IResource, new()
    {
        var answers = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            if (field.AskWhen is { } when && !when(answers))
                continue;
            var check = field.IsBool ? (a => bool.TryParse(a, out _) ? null : "must be true or false") : field.Check;
            answers[field.Flag] = Ask(io, prompter, field.Prompt, answers.GetValueOrDefault(field.Flag) ?? field.Default, field.Required, check);
        }
        return answers;
    }
}
