using System.Collections.Immutable;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Secrets;
using Sensu.Store;

namespace Sensu.Backend.Secrets;

/// <summary>
/// The providers of this backend, by name (secrets-spec §4.10). At start it lists the provider and Secret
/// resources and builds a provider for each; then it follows the change feed, rebuilding a provider when its
/// resource changes (no restart), disposing the one replaced, and dropping cached values it made stale. It
/// also keeps <see cref="SecretCatalog"/> current. A provider that cannot be built is registered as a
/// <see cref="BrokenSecretProvider"/>. On stop the loop ends and every provider is disposed.
/// </summary>
public sealed class SecretProviderRegistry : BackgroundService
{
    /// <summary>Pause before re-listing after the store failed.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private static readonly string ProvidersKind = ResourceRegistry.For<EnvProvider>().StoreKind;
    private static readonly string SecretsKind = ResourceRegistry.For<Secret>().StoreKind;

    private readonly IResourceReader _reader;
    private readonly IChangeFeed _feed;
    private readonly SecretProviderBuilder _builder;
    private readonly SecretCatalog _catalog;
    private readonly SecretCache _cache;
    private readonly SecretsMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableDictionary<string, (ISecretProvider Provider, long Revision)> _providers =
        ImmutableDictionary.Create<string, (ISecretProvider Provider, long Revision)>(StringComparer.Ordinal);

    public SecretProviderRegistry(
        IResourceReader reader,
        IChangeFeed feed,
        SecretProviderBuilder builder,
        SecretCatalog catalog,
        SecretCache cache,
        SecretsMetrics metrics,
        TimeProvider time,
        ILogger<SecretProviderRegistry> logger)
    {
        _reader = reader;
        _feed = feed;
        _builder = builder;
        _catalog = catalog;
        _cache = cache;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    public int Count => Volatile.Read(ref _providers).Count;

    public IReadOnlyCollection<string> Names => Volatile.Read(ref _providers).Keys.ToList();

    public ISecretProvider? Find(string name) =>
        Volatile.Read(ref _providers).TryGetValue(name, out var entry) ? entry.Provider : null;

    /// <summary>Completes once the first listing is loaded (providers and secrets).</summary>
    public Task WaitReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SyncAndFollowAsync(stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (ChangeFeedLaggedException)
                {
                    Log.WatchLagged(_logger);
                }
                catch (Exception ex)
                {
                    Log.WatchFailed(_logger, RetryDelay, ex);
                    try
                    {
                        await Task.Delay(RetryDelay, _time, stoppingToken);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            _ready.TrySetCanceled(stoppingToken);
            var providers = Interlocked.Exchange(ref _providers, _providers.Clear());
            foreach (var (name, entry) in providers)
                await DisposeProviderAsync(name, entry.Provider);
        }
    }

    private async Task SyncAndFollowAsync(CancellationToken cancellationToken)
    {
        // Subscribe before listing so nothing committed in between is missed; revisions discard repeats.
        var changes = _feed.WatchAsync(new HashSet<string>(StringComparer.Ordinal) { ProvidersKind, SecretsKind }, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using (changes)
        {
            var providers = await _reader.ListAsync(ProvidersKind, null, PageRequest.All, cancellationToken);
            var secrets = await _reader.ListAsync(SecretsKind, null, PageRequest.All, cancellationToken);
            await ReplaceProvidersAsync(providers.Items);
            foreach (var stale in _catalog.ReplaceAll(secrets.Items.Select(DecodeSecret).OfType<(ResourceKey, Secret, long)>()))
                _cache.Invalidate(stale.Provider, stale.Id);
            Log.Synchronised(_logger, Count, _catalog.Count);
            _ready.TrySetResult();

            while (await changes.MoveNextAsync())
                await ApplyAsync(changes.Current);
        }
    }

    private async Task ReplaceProvidersAsync(IReadOnlyList<StoredResource> listing)
    {
        var current = Volatile.Read(ref _providers);
        foreach (var stored in listing)
        {
            if (!current.TryGetValue(stored.Key.Name, out var existing) || existing.Revision != stored.Revision)
                await PutProviderAsync(stored);
        }
        var listed = listing.Select(s => s.Key.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in current.Keys.Where(n => !listed.Contains(n)).ToList())
            await RemoveProviderAsync(name);
    }

    private async Task ApplyAsync(ResourceChange change)
    {
        if (change.Key.Kind == ProvidersKind)
        {
            if (Volatile.Read(ref _providers).TryGetValue(change.Key.Name, out var existing) && existing.Revision >= change.Revision)
                return;
            if (change.Kind == ChangeKind.Put && change.Resource is { } stored)
                await PutProviderAsync(stored);
            else if (change.Kind == ChangeKind.Delete)
                await RemoveProviderAsync(change.Key.Name);
        }
        else if (change.Key.Kind == SecretsKind)
        {
            var secret = change.Kind == ChangeKind.Put && change.Resource is { } stored ? DecodeSecret(stored)?.Secret : null;
            var (applied, previous) = _catalog.Apply(change.Key, secret, change.Revision);
            if (!applied)
                return;
            if (previous is not null)
                _cache.Invalidate(previous.Provider, previous.Id);
            if (secret is not null)
                _cache.Invalidate(secret.Provider, secret.Id);
        }
    }

    private async Task PutProviderAsync(StoredResource stored)
    {
        var provider = _builder.Build(stored);
        var name = stored.Key.Name;
        var previous = Volatile.Read(ref _providers).TryGetValue(name, out var old) ? old.Provider : null;
        Volatile.Write(ref _providers, Volatile.Read(ref _providers).SetItem(name, (provider, stored.Revision)));
        _cache.Invalidate(name);
        if (provider is BrokenSecretProvider broken)
            Log.ProviderBroken(_logger, name, stored.Type, broken.Cause);
        else
            Log.ProviderBuilt(_logger, name, stored.Type);
        _metrics.ProviderBuild(name, provider is BrokenSecretProvider);
        if (previous is not null)
            await DisposeProviderAsync(name, previous);
    }

    private async Task RemoveProviderAsync(string name)
    {
        var current = Volatile.Read(ref _providers);
        if (!current.TryGetValue(name, out var old))
            return;
        Volatile.Write(ref _providers, current.Remove(name));
        _cache.Invalidate(name);
        Log.ProviderRemoved(_logger, name);
        await DisposeProviderAsync(name, old.Provider);
    }

    private async Task DisposeProviderAsync(string name, ISecretProvider provider)
    {
        try
        {
            if (provider is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else if (provider is IDisposable disposable)
                disposable.Dispose();
        }
        catch (Exception ex)
        {
            Log.ProviderDisposeFailed(_logger, name, ex);
        }
    }

    private static (ResourceKey Key, Secret Secret, long Revision)? DecodeSecret(StoredResource stored) =>
        ResourceService.Decode(stored) is Secret secret ? (stored.Key, secret, stored.Revision) : null;
}
