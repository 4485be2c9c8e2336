using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Eventd;

/// <summary>
/// Every silence of every namespace, loaded once and kept fresh by the store's change feed
/// (subscribed before the load, so nothing committed in between is missed). Readers get immutable snapshots.
/// </summary>
public sealed class SilencedCache(IChangeFeed feed, IResourceReader reader, TimeProvider time, ILogger<SilencedCache> logger)
    : BackgroundService
{
    private static readonly string Kind = ResourceRegistry.For<Silenced>().StoreKind;
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string> { Kind };

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableDictionary<string, Silenced>> _byNamespace =
        ImmutableDictionary<string, ImmutableDictionary<string, Silenced>>.Empty;

    /// <summary>Completes once the first load is done; fails if the cache stops before that.</summary>
    public Task WaitReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    /// <summary>The silences of one namespace (a snapshot).</summary>
    public IEnumerable<Silenced> InNamespace(string @namespace) =>
        Volatile.Read(ref _byNamespace).TryGetValue(@namespace, out var entries) ? entries.Values : [];

    /// <summary>Forgets a silence now (its delete will also arrive through the feed).</summary>
    public void Remove(string @namespace, string name)
    {
        lock (_gate)
        {
            if (_byNamespace.TryGetValue(@namespace, out var entries))
                _byNamespace = _byNamespace.SetItem(@namespace, entries.Remove(name));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var changes = feed.WatchAsync(Kinds, stoppingToken);
                    await LoadAsync(stoppingToken).ConfigureAwait(false);
                    _ready.TrySetResult();
                    await foreach (var change in changes.ConfigureAwait(false))
                        Apply(change);
                }
                catch (ChangeFeedLaggedException ex)
                {
                    Log.SilencesLagged(logger, ex);
                }
                catch (StoreException ex)
                {
                    Log.SilencesFailed(logger, ex);
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _ready.TrySetCanceled(stoppingToken);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await reader.ListAsync(Kind, null, PageRequest.All, cancellationToken).ConfigureAwait(false);
        var builder = new Dictionary<string, ImmutableDictionary<string, Silenced>.Builder>(StringComparer.Ordinal);
        foreach (var stored in page.Items)
        {
            if (Decode(stored) is not { } silence)
                continue;
            if (!builder.TryGetValue(stored.Key.Namespace, out var entries))
                builder[stored.Key.Namespace] = entries = ImmutableDictionary.CreateBuilder<string, Silenced>(StringComparer.Ordinal);
            entries[stored.Key.Name] = silence;
        }
        lock (_gate)
            _byNamespace = builder.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
        Log.SilencesLoaded(logger, page.Items.Count);
    }

    private void Apply(ResourceChange change)
    {
        var key = change.Key;
        var silence = change.Kind == ChangeKind.Put && change.Resource is { } stored ? Decode(stored) : null;
        lock (_gate)
        {
            var entries = _byNamespace.TryGetValue(key.Namespace, out var existing)
                ? existing
                : ImmutableDictionary.Create<string, Silenced>(StringComparer.Ordinal);
            entries = silence is null ? entries.Remove(key.Name) : entries.SetItem(key.Name, silence);
            _byNamespace = _byNamespace.SetItem(key.Namespace, entries);
        }
    }

    private Silenced? Decode(StoredResource stored)
    {
        try
        {
            var silence = JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Silenced);
            if (silence is not null)
            {
                silence.Metadata.Name ??= stored.Key.Name;
                silence.Metadata.Namespace ??= stored.Key.Namespace;
            }
            return silence;
        }
        catch (JsonException ex)
        {
            Log.SilenceUndecodable(logger, stored.Key.ToString(), ex);
            return null;
        }
    }
}
