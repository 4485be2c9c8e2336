namespace Sensu.Core.Configuration;

/// <summary>
/// The one start-up error path of <c>sensu-backend</c> and <c>sensu-agent</c>: an expected failure (a setting that
/// cannot be read, a port in use, a file that cannot be opened) is printed as one line, <c>error: ...</c>, and becomes
/// the program's exit code, without a stack trace; anything else is a bug and propagates.
/// </summary>
public static class StartupFailure
{
    /// <summary>Exit code of a setting that cannot be read or is invalid.</summary>
    public const int SettingsExitCode = 2;

    /// <summary>Exit code of a start that failed for another expected reason (a port in use, the store).</summary>
    public const int StartExitCode = 1;

    /// <summary>
    /// The log category of the .NET host, which logs a failed start with its stack trace (event 11); the programs log
    /// it at <c>Critical</c> only, the failure being reported here.
    /// </summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    /// <summary>
    /// Runs <paramref name="run"/>; <see cref="SettingsException"/> exits <see cref="SettingsExitCode"/>,
    /// <see cref="IOException"/> (an address in use, an unreadable file) <see cref="StartExitCode"/>, and
    /// <paramref name="classify"/> names the program's own expected failures (their exit code, or null).
    /// </summary>
    public static async Task<int> RunAsync(
        Func<CancellationToken, Task<int>> run,
        Func<Exception, int?>? classify,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await run(cancellationToken);
        }
        catch (Exception ex) when (ExitCode(ex, classify) is { } code)
        {
            await error.WriteLineAsync(Line(ex));
            return code;
        }
    }

    /// <summary>
    /// Runs the parsed command line; a command line that does not parse (an unknown flag, a switch given a value that
    /// is not boolean) is one line, <c>error: ...</c>, and <see cref="SettingsExitCode"/>, not the usage text.
    /// </summary>
    public static async Task<int> InvokeAsync(System.CommandLine.ParseResult result, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(error);
        if (result.Errors.Count == 0)
            return await result.InvokeAsync();
        await error.WriteLineAsync("error: " + string.Join("; ", result.Errors.Select(e => e.Message)) + " (see --help)");
        return SettingsExitCode;
    }

    /// <summary>The exit code of an expected failure, or null for one that is not.</summary>
    public static int? ExitCode(Exception exception, Func<Exception, int?>? classify)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException)
            return null;
        if (classify?.Invoke(exception) is { } code)
            return code;
        return exception switch
        {
            SettingsException => SettingsExitCode,
            IOException or UnauthorizedAccessException => StartExitCode,
            AggregateException { InnerExceptions.Count: 1 } aggregate => ExitCode(aggregate.InnerExceptions[0], classify),
            _ => null,
        };
    }

    /// <summary><c>error: </c> and the message, on one line.</summary>
    public static string Line(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var message = string.Join(' ', inner.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return "error: " + message;
    }
}
