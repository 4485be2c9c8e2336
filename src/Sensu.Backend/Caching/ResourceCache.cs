using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Store;

namespace Sensu.Backend.Caching;

/// <summary>
/// Every resource of one type, in every namespace, loaded once and kept fresh by the store's change feed
/// (subscribed before the load, so nothing committed in between is missed). Readers get immutable snapshots;
/// daemons read configuration here, never from the store per event. <see cref="Get"/>, which runs several times per
/// event, reads a hash index kept beside the snapshots (an immutable dictionary of thousands of entities costs a walk
/// down its tree on every lookup); a reload publishes a whole new index at once. Register with
/// <see cref="CachingServiceCollectionExtensions.AddResourceCache{T}"/>.
/// </summary>
public sealed class ResourceCache<T>(IChangeFeed feed, IResourceReader reader, TimeProvider time, ILogger<ResourceCache<T>> logger)
    : ChangeFeedFollower(feed, Kinds, time) where T : class, IResource
{
    private static readonly ResourceType Type = ResourceRegistry.For<T>();
    private static readonly JsonTypeInfo<T> Info = (JsonTypeInfo<T>)Type.TypeInfo;
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string> { Type.StoreKind };

    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableDictionary<string, T>> _byNamespace =
        ImmutableDictionary<string, ImmutableDictionary<string, T>>.Empty;
    private ConcurrentDictionary<(string Namespace, string Name), T> _index = new();

    /// <summary>
    /// Raised after a change is applied (and once after each full load, with a null key), on the cache's own loop:
    /// handlers must be quick and must not throw.
    /// </summary>
    public event Action<ResourceKey?>? Changed;

    /// <summary>One resource, or null.</summary>
    public T? Get(string @namespace, string name) =>
        Volatile.Read(ref _index).TryGetValue((@namespace, name), out var value) ? value : null;

    /// <summary>The resources of one namespace (a snapshot).</summary>
    public IEnumerable<T> InNamespace(string @namespace) =>
        Volatile.Read(ref _byNamespace).TryGetValue(@namespace, out var entries) ? entries.Values : [];

    /// <summary>Every resource of every namespace (a snapshot).</summary>
    public IEnumerable<T> All() => Volatile.Read(ref _byNamespace).Values.SelectMany(v => v.Values);

    protected override void OnLoaded() => Changed?.Invoke(null);

    protected override void OnLagged(ChangeFeedLaggedException exception) => CacheLog.Lagged(logger, Type.Name, exception);

    protected override void OnFailed(StoreException exception) => CacheLog.Failed(logger, Type.Name, exception);

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var page = await reader.ListAsync(Type.StoreKind, null, PageRequest.All, cancellationToken);
        var builder = new Dictionary<string, ImmutableDictionary<string, T>.Builder>(StringComparer.Ordinal);
        var index = new ConcurrentDictionary<(string Namespace, string Name), T>();
        foreach (var stored in page.Items)
        {
            if (Decode(stored) is not { } value)
                continue;
            if (!builder.TryGetValue(stored.Key.Namespace, out var entries))
                builder[stored.Key.Namespace] = entries = ImmutableDictionary.CreateBuilder<string, T>(StringComparer.Ordinal);
            entries[stored.Key.Name] = value;
            index[(stored.Key.Namespace, stored.Key.Name)] = value;
        }
        lock (_gate)
        {
            _byNamespace = builder.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
            Volatile.Write(ref _index, index);
        }
        CacheLog.Loaded(logger, Type.Name, page.Items.Count);
    }

    protected override void Apply(ResourceChange change)
    {
        ApplyChange(change);
        Changed?.Invoke(change.Key);
    }

    private void ApplyChange(ResourceChange change)
    {
        var key = change.Key;
        var value = change.Kind == ChangeKind.Put && change.Resource is { } stored ? Decode(stored) : null;
        lock (_gate)
        {
            var entries = _byNamespace.TryGetValue(key.Namespace, out var existing)
                ? existing
                : ImmutableDictionary.Create<string, T>(StringComparer.Ordinal);
            entries = value is null ? entries.Remove(key.Name) : entries.SetItem(key.Name, value);
            _byNamespace = _byNamespace.SetItem(key.Namespace, entries);
            if (value is null)
                _index.TryRemove((key.Namespace, key.Name), out _);
            else
                _index[(key.Namespace, key.Name)] = value;
        }
    }

    private T? Decode(StoredResource stored)
    {
        try
        {
            var value = JsonSerializer.Deserialize(stored.Json, Info);
            if (value is not null)
            {
                value.Metadata.Name ??= stored.Key.Name;
                if (Type.Namespaced)
                    value.Metadata.Namespace ??= stored.Key.Namespace;
            }
            return value;
        }
        catch (JsonException ex)
        {
            CacheLog.Undecodable(logger, stored.Key.ToString(), ex);
            return null;
        }
    }
}
