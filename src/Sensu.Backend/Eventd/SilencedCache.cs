using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
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
    : ChangeFeedFollower(feed, Kinds, time)
{
    private static readonly string Kind = ResourceRegistry.For<Silenced>().StoreKind;
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string> { Kind };

    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableDictionary<string, Silenced>> _byNamespace =
        ImmutableDictionary<string, ImmutableDictionary<string, Silenced>>.Empty;

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

    protected override void OnLagged(ChangeFeedLaggedException exception) => Log.SilencesLagged(logger, exception);

    protected override void OnFailed(StoreException exception) => Log.SilencesFailed(logger, exception);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await reader.ListAsync(Kind, null, PageRequest.All, cancellationToken);
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

    protected override void Apply(ResourceChange change)
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
