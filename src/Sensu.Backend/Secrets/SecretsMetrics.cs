using System.Diagnostics.Metrics;

namespace Sensu.Backend.Secrets;

/// <summary>Secrets instruments (<c>sensu.secrets.*</c>); tags carry provider names and outcomes, never values.</summary>
public sealed class SecretsMetrics
{
    public const string MeterName = "Sensu.Backend.Secrets";

    private readonly Counter<long> _resolutions;
    private readonly Counter<long> _providerCalls;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _providerBuilds;

    public SecretsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _resolutions = meter.CreateCounter<long>("sensu.secrets.resolutions", "{secret}",
            "Secret references resolved for a check, handler or mutator, by provider and outcome.");
        _providerCalls = meter.CreateCounter<long>("sensu.secrets.provider.calls", "{call}",
            "Lookups that reached a provider (cache misses), by provider and outcome.");
        _cacheHits = meter.CreateCounter<long>("sensu.secrets.cache.hits", "{lookup}",
            "Lookups answered from the in-memory cache or by joining a lookup already in flight.");
        _providerBuilds = meter.CreateCounter<long>("sensu.secrets.provider.builds", "{provider}",
            "Providers built from their resources, by outcome (ok or broken).");
    }

    public void Resolution(string provider, string outcome) =>
        _resolutions.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));

    public void ProviderCall(string provider, bool succeeded) =>
        _providerCalls.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "error"));

    public void CacheHit(string provider) =>
        _cacheHits.Add(1, new KeyValuePair<string, object?>("provider", provider));

    public void ProviderBuild(string provider, bool broken) =>
        _providerBuilds.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", broken ? "broken" : "ok"));
}
