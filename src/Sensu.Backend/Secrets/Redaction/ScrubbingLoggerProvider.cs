using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Secrets.Redaction;

/// <summary>
/// Wraps a logger provider so that everything it writes passes through the <see cref="SecretScrubber"/> first:
/// the formatted message, the structured state values, the exception text and the scopes.
/// <see cref="SecretsResolutionServiceCollectionExtensions.AddSecrets"/> wraps every provider of the backend this way.
/// </summary>
public sealed class ScrubbingLoggerProvider(ILoggerProvider inner, SecretScrubber scrubber) : ILoggerProvider, ISupportExternalScope
{
    public ILoggerProvider Inner { get; } = inner;

    public ILogger CreateLogger(string categoryName) => new ScrubbingLogger(Inner.CreateLogger(categoryName), scrubber);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (Inner is ISupportExternalScope supportsScopes)
            supportsScopes.SetScopeProvider(new ScrubbingScopeProvider(scopeProvider, scrubber));
    }

    /// <summary>The wrapped provider belongs to the container that created it; it disposes it.</summary>
    public void Dispose()
    {
    }
}
