using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// A log sink that records everything a formatter could write: the message, every structured value, the
/// exception text and every scope.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider? _scopes;

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string All => string.Join('\n', _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            owner._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}[{eventId.Id}] {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
                parts.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
            if (exception is not null)
                parts.Add(exception.ToString());
            owner._scopes?.ForEachScope((scope, list) => list.Add($"scope={scope}"), parts);
            owner._lines.Enqueue(string.Join(" | ", parts));
        }
    }
}
