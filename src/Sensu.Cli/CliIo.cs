namespace Sensu.Cli;

/// <summary>
/// Everything sensuctl touches outside itself: standard streams, environment, clock, terminal detection and
/// (for interactive <c>configure</c>) a prompter. Tests build one over string writers; <see cref="System"/> is the real one.
/// </summary>
public sealed class CliIo
{
    public required TextReader In { get; init; }

    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Environment lookup; null means unset.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    public bool InputIsTerminal { get; init; }

    public bool OutputIsTerminal { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Asks questions in interactive <c>configure</c>; null means "use the terminal when stdin is one".</summary>
    public IPrompter? Prompter { get; init; }

    /// <summary>Overrides the HTTP handler for every request (tests); null means a real socket handler.</summary>
    public Func<HttpMessageHandler>? HandlerFactory { get; init; }

    public static CliIo System() => new()
    {
        In = Console.In,
        Out = Console.Out,
        Error = Console.Error,
        InputIsTerminal = !Console.IsInputRedirected,
        OutputIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>An environment variable, treating empty as unset.</summary>
    public string? Env(string name)
    {
        var value = GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
