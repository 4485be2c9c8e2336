using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Resolves the <c>secrets</c> of a check, handler or mutator (secrets-spec §4.2): each reference names a
/// Secret resource in the resource's own namespace, whose provider looks the value up by id. All or nothing:
/// the first failure throws <see cref="SecretLookupException"/> (with Sensu's error kind) and nothing is
/// returned. Empty values are skipped (Sensu parity: no variable is set). Every resolved value is registered with
/// the <see cref="SecretScrubber"/>.
/// <para>
/// Audit: each reference leaves one log line (namespace, secret, consumer, provider, outcome; never a value)
/// and one <c>sensu.secrets.resolutions</c> count tagged by provider and outcome (<c>ok</c>, <c>cached</c>,
/// <c>empty</c>, <c>invalid</c>, <c>provider_not_found</c>, <c>not_available</c>, <c>not_found</c>,
/// <c>no_provider</c>, <c>error</c>); the latest per secret is kept in <see cref="SecretAudit"/> for the dashboard.
/// </para>
/// <para>
/// Health: a provider that cannot be reached reports status 2 through <see cref="SecretsHealthEvents"/>; a
/// provider that answered (all resolved, or the secret is just missing) reports status 0. Reporting never blocks.
/// </para>
/// </summary>
public sealed class SecretsResolver(
    SecretProviderRegistry registry,
    SecretCatalog catalog,
    SecretCache cache,
    SecretScrubber scrubber,
    SecretsMetrics metrics,
    SecretsHealthEvents health,
    SecretAudit audit,
    ILogger<SecretsResolver> logger)
{
    public const string NoProviderDefined = "no secret provider defined";

    /// <summary>Resolves for an unnamed consumer; prefer the overload that names it (audit lines carry it).</summary>
    public Task<IReadOnlyList<(string EnvName, SecretValue Value)>> ResolveAsync(
        string @namespace,
        IReadOnlyList<SecretReference>? references,
        CancellationToken cancellationToken) =>
        ResolveAsync(@namespace, references, string.Empty, cancellationToken);

    /// <summary>
    /// Resolves <paramref name="references"/> in <paramref name="namespace"/> for <paramref name="consumer"/>
    /// (such as <c>handler pagerduty</c>, <c>mutator x</c>, <c>check y</c>; it appears in the audit lines).
    /// </summary>
    public async Task<IReadOnlyList<(string EnvName, SecretValue Value)>> ResolveAsync(
        string @namespace,
        IReadOnlyList<SecretReference>? references,
        string consumer,
        CancellationToken cancellationToken)
    {
        if (references is null || references.Count == 0)
            return [];
        await registry.WaitReadyAsync(cancellationToken);
        if (registry.Count == 0)
            throw Fail(@namespace, references[0].Secret, consumer, string.Empty, SecretErrorKind.NoProviderDefined, NoProviderDefined);

        var resolved = new List<(string EnvName, SecretValue Value)>(references.Count);
        foreach (var reference in references)
        {
            var value = await ResolveOneAsync(@namespace, reference, consumer, cancellationToken);
            if (value is not null)
                resolved.Add((reference.Name, value));
        }
        health.ReportOk();
        return resolved;
    }

    private async Task<SecretValue?> ResolveOneAsync(string @namespace, SecretReference reference, string consumer, CancellationToken cancellationToken)
    {
        var secret = catalog.Find(@namespace, reference.Secret);
        if (secret is null)
            throw Fail(@namespace, reference.Secret, consumer, string.Empty, SecretErrorKind.InvalidSecretInfo, $"invalid secret info: {reference.Secret}");
        var provider = registry.Find(secret.Provider)
            ?? throw Fail(@namespace, reference.Secret, consumer, secret.Provider, SecretErrorKind.ProviderNotFound, $"secret provider not found: {secret.Provider}");

        SecretLookup lookup;
        bool fromCache;
        try
        {
            (lookup, fromCache) = await cache.GetAsync(provider, secret.Id, cancellationToken);
        }
        catch (SecretLookupException ex)
        {
            throw Fail(@namespace, reference.Secret, consumer, provider.Name, ex.Kind, ex.Message, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Fail(@namespace, reference.Secret, consumer, provider.Name, SecretErrorKind.Other,
                $"{provider.Name}: cannot get secret \"{secret.Id}\": {ex.Message}", ex);
        }

        if (lookup.Value.Reveal().Length == 0)
        {
            metrics.Resolution(provider.Name, "empty");
            audit.Record(@namespace, reference.Secret, consumer, provider.Name, "empty");
            Log.SecretEmpty(logger, @namespace, reference.Secret, consumer, provider.Name);
            return null;
        }
        if (!scrubber.Register(lookup.Value))
            Log.SecretTooShort(logger, @namespace, reference.Secret, SecretScrubber.MinimumLength);
        var outcome = fromCache ? "cached" : "ok";
        metrics.Resolution(provider.Name, outcome);
        audit.Record(@namespace, reference.Secret, consumer, provider.Name, outcome);
        Log.SecretResolved(logger, @namespace, reference.Secret, consumer, provider.Name, outcome);
        return lookup.Value;
    }

    private SecretLookupException Fail(string @namespace, string secret, string consumer, string provider, SecretErrorKind kind, string reason, Exception? cause = null)
    {
        var outcome = Outcome(kind);
        reason = scrubber.Scrub(reason);
        metrics.Resolution(provider, outcome);
        audit.Record(@namespace, secret, consumer, provider, outcome);
        Log.SecretFailed(logger, @namespace, secret, consumer, provider, outcome, reason);
        if (kind == SecretErrorKind.ProviderNotAvailable)
            health.ReportUnavailable(reason);
        else if (kind == SecretErrorKind.SecretNotFound)
            health.ReportOk();
        // Rethrow a provider's own exception unchanged (its text is the documented error).
        var failure = cause is SecretLookupException same && same.Message == reason
            ? same
            : new SecretLookupException(kind, reason, cause);
        failure.Secret = secret;
        failure.Provider = provider;
        return failure;
    }

    private static string Outcome(SecretErrorKind kind) => kind switch
    {
        SecretErrorKind.InvalidSecretInfo => "invalid",
        SecretErrorKind.ProviderNotFound => "provider_not_found",
        SecretErrorKind.ProviderNotAvailable => "not_available",
        SecretErrorKind.SecretNotFound => "not_found",
        SecretErrorKind.NoProviderDefined => "no_provider",
        _ => "error",
    };
}
