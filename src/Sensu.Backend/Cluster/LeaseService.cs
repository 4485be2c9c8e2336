using System.Text.Json;
using Sensu.Store;

namespace Sensu.Backend.Cluster;

/// <summary>
/// Leases over the store's compare-and-set (<see cref="IResourceWriter.CreateAsync"/> and
/// <see cref="IResourceWriter.ReplaceAsync"/> with the expected revision), so they work on any store provider:
/// a lease is taken when free, released or expired; renewed and released only by its holder and only while the
/// stored revision is the one it last wrote. Expiry compares the holders' clocks, which must agree to well
/// within a lease's ttl.
/// </summary>
public sealed class LeaseService(IResourceReader reader, IResourceWriter writer, TimeProvider time)
{
    private const string RecordType = "Lease";

    /// <summary>Takes <paramref name="name"/> for <paramref name="holder"/> when free or expired; null when someone else holds it.</summary>
    public async Task<Lease?> TryAcquireAsync(string name, string holder, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var key = ResourceKey.Cluster(ClusterKinds.Leases, name);
        var now = time.GetUtcNow();
        var write = Write(key, holder, now + ttl);
        var stored = await reader.GetAsync(key, cancellationToken);
        try
        {
            if (stored is null)
            {
                var created = await writer.CreateAsync(write, cancellationToken);
                return new Lease(name, holder, created.Revision, created.Revision, now, now + ttl);
            }
            var current = Read(stored);
            var mine = current.Holder == holder;
            if (!mine && current.Holder.Length > 0 && current.Expires > now.ToUnixTimeMilliseconds())
                return null;
            var replaced = await writer.ReplaceAsync(write, stored.Revision, cancellationToken);
            return new Lease(name, holder, replaced.Revision, replaced.Revision, now, now + ttl);
        }
        catch (Exception ex) when (ex is AlreadyExistsException or ResourceNotFoundException)
        {
            // Someone else wrote it first.
            return null;
        }
    }

    /// <summary>Extends <paramref name="lease"/>; null when it was lost (taken by another after expiring, or released).</summary>
    public async Task<Lease?> RenewAsync(Lease lease, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var key = ResourceKey.Cluster(ClusterKinds.Leases, lease.Name);
        var now = time.GetUtcNow();
        try
        {
            var replaced = await writer.ReplaceAsync(Write(key, lease.Holder, now + ttl), lease.Revision, cancellationToken);
            return lease with { Revision = replaced.Revision, Expires = now + ttl };
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Frees <paramref name="lease"/> for the next taker at once; false when it was no longer ours.</summary>
    public async Task<bool> ReleaseAsync(Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var key = ResourceKey.Cluster(ClusterKinds.Leases, lease.Name);
        try
        {
            await writer.ReplaceAsync(Write(key, string.Empty, DateTimeOffset.UnixEpoch), lease.Revision, cancellationToken);
            return true;
        }
        catch (ResourceNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Who holds <paramref name="name"/> now (null when nobody, or the holder let it expire).</summary>
    public async Task<string?> HolderAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await reader.GetAsync(ResourceKey.Cluster(ClusterKinds.Leases, name), cancellationToken);
        if (stored is null)
            return null;
        var current = Read(stored);
        return current.Holder.Length > 0 && current.Expires > time.GetUtcNow().ToUnixTimeMilliseconds() ? current.Holder : null;
    }

    private static ResourceWrite Write(ResourceKey key, string holder, DateTimeOffset expires) =>
        new(key, RecordType, JsonSerializer.Serialize(new LeaseRecord(holder, expires.ToUnixTimeMilliseconds()), ClusterJsonContext.Default.LeaseRecord));

    private static LeaseRecord Read(StoredResource stored) =>
        JsonSerializer.Deserialize(stored.Json, ClusterJsonContext.Default.LeaseRecord) ?? new LeaseRecord(string.Empty, 0);
}
