using System.Collections.Immutable;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Secrets;
using Sensu.Store;

namespace Sensu.Backend.Secrets;

/// <summary>
/// The <c>Secret</c> resources of every namespace, kept in memory by <see cref="SecretProviderRegistry"/> from
/// the change feed so resolution never reads the store. Readers see an immutable snapshot.
/// </summary>
public sealed class SecretCatalog
{
    private static readonly string Kind = ResourceRegistry.For<Secret>().StoreKind;

    private ImmutableDictionary<ResourceKey, (Secret Secret, long Revision)> _secrets =
        ImmutableDictionary<ResourceKey, (Secret Secret, long Revision)>.Empty;

    public int Count => Volatile.Read(ref _secrets).Count;

    /// <summary>The Secret named <paramref name="name"/> in <paramref name="namespace"/>, or null.</summary>
    public Secret? Find(string @namespace, string name) =>
        Volatile.Read(ref _secrets).TryGetValue(new ResourceKey(Kind, @namespace, name), out var entry) ? entry.Secret : null;

    /// <summary>Replaces everything with a fresh listing; returns the versions, old and new, of every secret that changed, appeared or disappeared.</summary>
    internal IReadOnlyList<Secret> ReplaceAll(IEnumerable<(ResourceKey Key, Secret Secret, long Revision)> listing)
    {
        var current = Volatile.Read(ref _secrets);
        var builder = ImmutableDictionary.CreateBuilder<ResourceKey, (Secret Secret, long Revision)>();
        foreach (var (key, secret, revision) in listing)
            builder[key] = (secret, revision);
        var fresh = builder.ToImmutable();
        var stale = current
            .Where(pair => !fresh.TryGetValue(pair.Key, out var now) || now.Revision != pair.Value.Revision)
            .Select(pair => pair.Value.Secret)
            .Concat(fresh
                .Where(pair => !current.TryGetValue(pair.Key, out var before) || before.Revision != pair.Value.Revision)
                .Select(pair => pair.Value.Secret))
            .ToList();
        Volatile.Write(ref _secrets, fresh);
        return stale;
    }

    /// <summary>Applies one change unless it is older than what is held; returns the replaced version, if any.</summary>
    internal (bool Applied, Secret? Previous) Apply(ResourceKey key, Secret? secret, long revision)
    {
        var current = Volatile.Read(ref _secrets);
        current.TryGetValue(key, out var existing);
        if (existing.Secret is not null && existing.Revision >= revision)
            return (false, null);
        var next = secret is null ? current.Remove(key) : current.SetItem(key, (secret, revision));
        Volatile.Write(ref _secrets, next);
        return (true, existing.Secret);
    }
}
