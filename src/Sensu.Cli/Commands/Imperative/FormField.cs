namespace Sensu.Cli.Commands.Imperative;

/// <summary>
/// One field of an imperative form: its flag (and short alias), its question in interactive mode, how to read it
/// from an existing resource (the default when updating) and how to write it into one. Every value travels as text.
/// </summary>
public sealed record FormField<T>(string Flag, string? Alias, string Description, string Prompt, Func<T, string> Read, Action<T, string> Apply)
{
    /// <summary>The flag's default (also the question's default when creating).</summary>
    public string Default { get; init; } = "";

    /// <summary>A create without this value fails (non-interactive) or re-asks (interactive).</summary>
    public bool Required { get; init; }

    /// <summary>A boolean switch (<c>--publish</c>, <c>--publish=false</c>).</summary>
    public bool IsBool { get; init; }

    /// <summary>A repeatable flag (<c>--filter a --filter b</c>), joined with commas.</summary>
    public bool Repeatable { get; init; }

    /// <summary>Only asked when this holds for the answers so far (handler type decides command, socket or handlers).</summary>
    public Func<IReadOnlyDictionary<string, string>, bool>? AskWhen { get; init; }

    /// <summary>Checks an answer; returns an error message or null.</summary>
    public Func<string, string?>? Check { get; init; }
}
