using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Resolves the <c>secrets</c> of a check, handler or mutator (secrets-spec §4.2): each reference names a
/// Secret resource in the resource's own namespace, whose provider looks the value up by id. All or nothing:
/// the first failure throws <see cref="SecretLookupException"/> and nothing is returned. Empty values are
/// skipped (Sensu parity: no variable is set). Every resolved value is registered with the
/// <see cref="SecretScrubber"/>. Each reference leaves an audit log line and a metric, never a value.
/// </summary>
public sealed class SecretsResolver(
    SecretProviderRegistry registry,
    SecretCatalog catalog,
    SecretCache cache,
    SecretScrubber scrubber,
    SecretsMetrics metrics,
    ILogger<SecretsResolver> logger)
{
    public const string NoProviderDefined = "no secret provider defined";

    public async Task<IReadOnlyList<(string EnvName, SecretValue Value)>> ResolveAsync(
        string @namespace,
        IReadOnlyList<SecretReference>? references,
        CancellationToken cancellationToken)
    {
        if (references is null || references.Count == 0)
            return [];
        await registry.WaitReadyAsync(cancellationToken).ConfigureAwait(false);
        if (registry.Count == 0)
        {
            metrics.Resolution(string.Empty, "no_provider");
            Log.SecretFailed(logger, @namespace, references[0].Secret, string.Empty, NoProviderDefined);
            throw new SecretLookupException(NoProviderDefined);
        }

        var resolved = new List<(string EnvName, SecretValue Value)>(references.Count);
        foreach (var reference in references)
        {
            var value = await ResolveOneAsync(@namespace, reference, cancellationToken).ConfigureAwait(false);
            if (value is not null)
                resolved.Add((reference.Name, value));
        }
        return resolved;
    }

    private async Task<SecretValue?> ResolveOneAsync(string @namespace, SecretReference reference, CancellationToken cancellationToken)
    {
        var secret = catalog.Find(@namespace, reference.Secret);
        if (secret is null)
            throw Fail(@namespace, reference.Secret, string.Empty, "invalid", $"invalid secret info: {reference.Secret}");
        var provider = registry.Find(secret.Provider)
            ?? throw Fail(@namespace, reference.Secret, secret.Provider, "provider_not_found", $"secret provider not found: {secret.Provider}");

        SecretLookup lookup;
        bool fromCache;
        try
        {
            (lookup, fromCache) = await cache.GetAsync(provider, secret.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretLookupException ex)
        {
            throw Fail(@namespace, reference.Secret, provider.Name, "error", ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Fail(@namespace, reference.Secret, provider.Name, "error",
                $"{provider.Name}: cannot get secret \"{secret.Id}\": {ex.Message}", ex);
        }

        if (lookup.Value.Reveal().Length == 0)
        {
            metrics.Resolution(provider.Name, "empty");
            Log.SecretEmpty(logger, @namespace, reference.Secret, provider.Name);
            return null;
        }
        if (!scrubber.Register(lookup.Value))
            Log.SecretTooShort(logger, @namespace, reference.Secret, SecretScrubber.MinimumLength);
        metrics.Resolution(provider.Name, fromCache ? "cached" : "ok");
        Log.SecretResolved(logger, @namespace, reference.Secret, provider.Name, fromCache ? "cached" : "provider");
        return lookup.Value;
    }

    private SecretLookupException Fail(string @namespace, string secret, string provider, string outcome, string reason, Exception? cause = null)
    {
        metrics.Resolution(provider, outcome);
        Log.SecretFailed(logger, @namespace, secret, provider, reason);
        // Rethrow a provider's own exception unchanged (its text is the documented error).
        if (cause is SecretLookupException same && same.Message == reason)
            return same;
        return cause is null ? new SecretLookupException(reason) : new SecretLookupException(reason, cause);
    }
}
