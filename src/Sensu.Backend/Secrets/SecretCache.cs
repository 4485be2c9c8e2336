using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Sensu.Backend.Secrets;

/// <summary>
/// In-memory cache of looked-up values per (provider, id), never written anywhere else (secrets-spec §4.9).
/// A value lives for its <see cref="SecretLookup.Lease"/> when the provider gives one (zero: not cached), else
/// for <see cref="SecretsOptions.DefaultTtl"/>. Entries belong to the provider instance that produced them,
/// so a rebuilt provider never sees its predecessor's values; <see cref="Invalidate(string)"/> drops them
/// eagerly. Concurrent lookups of the same key share one provider call, which runs until it completes or
/// the cache is disposed; a caller that gives up only stops waiting. Failures are not cached.
/// </summary>
public sealed class SecretCache : IDisposable
{
    private readonly ConcurrentDictionary<SecretCacheKey, Entry> _entries = new();
    private readonly ConcurrentDictionary<SecretCacheKey, Flight> _flights = new();
    private readonly ConcurrentDictionary<string, long> _epochs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private readonly TimeProvider _time;
    private readonly IOptions<SecretsOptions> _options;
    private readonly SecretsMetrics _metrics;

    public SecretCache(TimeProvider time, IOptions<SecretsOptions> options, SecretsMetrics metrics)
    {
        _time = time;
        _options = options;
        _metrics = metrics;
    }

    /// <summary>Number of entries held (expired ones included until they are replaced or invalidated).</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// The value of <paramref name="id"/> from <paramref name="provider"/>: from the cache while fresh, else
    /// from the provider (joining a call already in flight). <c>FromCache</c> tells whether this caller's
    /// answer came without a provider call of its own.
    /// </summary>
    public async Task<(SecretLookup Lookup, bool FromCache)> GetAsync(ISecretProvider provider, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var key = new SecretCacheKey(provider.Name, id);
        if (_entries.TryGetValue(key, out var entry) && ReferenceEquals(entry.Provider, provider) && entry.Expires > _time.GetUtcNow())
        {
            _metrics.CacheHit(provider.Name);
            return (entry.Lookup, true);
        }

        var candidate = new Flight(provider);
        var flight = _flights.AddOrUpdate(key, candidate, (_, existing) => ReferenceEquals(existing.Provider, provider) ? existing : candidate);
        var joined = !ReferenceEquals(flight, candidate);
        if (joined)
            _metrics.CacheHit(provider.Name);
        else
            flight.Start(() => FetchAsync(key, flight, provider, id));
        var lookup = await flight.Started.Task.Unwrap().WaitAsync(cancellationToken);
        return (lookup, joined);
    }

    /// <summary>Drops every value of a provider (it was updated, replaced or deleted).</summary>
    public void Invalidate(string provider)
    {
        _epochs.AddOrUpdate(provider, 1, (_, epoch) => epoch + 1);
        foreach (var pair in _entries)
        {
            if (pair.Key.Provider == provider)
                _entries.TryRemove(pair);
        }
        foreach (var pair in _flights)
        {
            if (pair.Key.Provider == provider)
                _flights.TryRemove(pair);
        }
    }

    /// <summary>Drops one value (the Secret resource naming it changed).</summary>
    public void Invalidate(string provider, string id)
    {
        var key = new SecretCacheKey(provider, id);
        _epochs.AddOrUpdate(provider, 1, (_, epoch) => epoch + 1);
        _entries.TryRemove(key, out _);
        _flights.TryRemove(key, out _);
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
            return;
        _disposed.Cancel();
        _entries.Clear();
        _flights.Clear();
        _disposed.Dispose();
    }

    private async Task<SecretLookup> FetchAsync(SecretCacheKey key, Flight flight, ISecretProvider provider, string id)
    {
        var epoch = _epochs.GetValueOrDefault(key.Provider);
        try
        {
            var lookup = await provider.GetAsync(id, _disposed.Token);
            _metrics.ProviderCall(provider.Name, succeeded: true);
            var ttl = lookup.Lease ?? _options.Value.DefaultTtl;
            if (ttl > TimeSpan.Zero && _epochs.GetValueOrDefault(key.Provider) == epoch)
                _entries[key] = new Entry(lookup, _time.GetUtcNow() + ttl, provider);
            return lookup;
        }
        catch
        {
            _metrics.ProviderCall(provider.Name, succeeded: false);
            throw;
        }
        finally
        {
            _flights.TryRemove(new KeyValuePair<SecretCacheKey, Flight>(key, flight));
        }
    }

    private sealed record Entry(SecretLookup Lookup, DateTimeOffset Expires, ISecretProvider Provider);

    /// <summary>One provider call shared by every concurrent caller of a key.</summary>
    private sealed class Flight(ISecretProvider provider)
    {
        public ISecretProvider Provider { get; } = provider;

        public TaskCompletionSource<Task<SecretLookup>> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Start(Func<Task<SecretLookup>> fetch) => Started.SetResult(fetch());
    }
}
