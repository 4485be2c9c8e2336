using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sensu.Store.Sqlite.Tests;

/// <summary>Keeps every log line as "eventId level message".</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{eventId.Id} {logLevel} {formatter(state, exception)}");
}
