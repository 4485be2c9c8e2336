using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Tests.Secrets.Vault;

/// <summary>Keeps every log line (message, structured values and exception text) at every level.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        _lines.Enqueue($"{eventId.Id} {logLevel} {formatter(state, exception)} | {values} | {exception}");
    }
}
