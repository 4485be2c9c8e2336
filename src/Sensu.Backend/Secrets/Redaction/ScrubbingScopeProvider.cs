using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Secrets.Redaction;

/// <summary>Hands scopes to a wrapped provider's formatter scrubbed of registered secret values.</summary>
internal sealed class ScrubbingScopeProvider(IExternalScopeProvider inner, SecretScrubber scrubber) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
        inner.ForEachScope((scope, s) => callback(ScrubbedLogState.ScrubObject(scope, scrubber), s), state);

    public IDisposable Push(object? state) => inner.Push(state);
}
