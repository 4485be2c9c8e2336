using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Secrets.Redaction;

/// <summary>A logger whose every entry is scrubbed of registered secret values before the inner logger sees it.</summary>
internal sealed class ScrubbingLogger(ILogger inner, SecretScrubber scrubber) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(ScrubbedLogState.ScrubObject(state, scrubber) ?? string.Empty);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
            return;
        var message = scrubber.Scrub(formatter(state, exception));
        var scrubbedState = new ScrubbedLogState(message, ScrubbedLogState.Values(state, scrubber));
        var scrubbedException = ScrubbedException.From(exception, scrubber);
        inner.Log(logLevel, eventId, scrubbedState, scrubbedException, static (s, _) => s.Message);
    }
}
