using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Sensu.Store;

namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>
/// Counts and checksums a store, per kind: SHA-256 over every (key, type, json) in the store's listing order, which
/// the conformance suite fixes as ordinal (namespace, name) on every provider, so equal stores give equal digests.
/// Events appear as the pseudo-kind <see cref="EventsKind"/> (key and json). Revisions are the store's own and not
/// part of a digest.
/// </summary>
public static class StoreDigest
{
    /// <summary>The row of events in a digest.</summary>
    public const string EventsKind = "(events)";

    private const int PageSize = 500;

    public static async Task<IReadOnlyList<KindDigest>> ComputeAsync(IResourceReader reader, IEventStore events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(events);
        var digests = new List<KindDigest>();
        foreach (var kind in await reader.ListKindsAsync(cancellationToken))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long count = 0;
            string? token = null;
            do
            {
                var page = await reader.ListAsync(kind, null, new PageRequest(PageSize, token), cancellationToken);
                foreach (var item in page.Items)
                {
                    Append(hash, item.Key.Namespace);
                    Append(hash, item.Key.Name);
                    Append(hash, item.Type);
                    Append(hash, item.Json);
                    count++;
                }
                token = page.Continue;
            }
            while (token is not null);
            digests.Add(new KindDigest(kind, count, Convert.ToHexStringLower(hash.GetHashAndReset())));
        }

        digests.Add(await ComputeEventsAsync(events, cancellationToken));
        return digests;
    }

    private static async Task<KindDigest> ComputeEventsAsync(IEventStore events, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long count = 0;
        string? token = null;
        do
        {
            var page = await events.ListEventsAsync(null, null, new PageRequest(PageSize, token), cancellationToken);
            foreach (var item in page.Items)
            {
                Append(hash, item.Key.Namespace);
                Append(hash, item.Key.Entity);
                Append(hash, item.Key.Check);
                Append(hash, item.Json);
                count++;
            }
            token = page.Continue;
        }
        while (token is not null);
        return new KindDigest(EventsKind, count, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Appends a length-prefixed UTF-8 field, so that no two different rows hash alike by shifting text between fields.</summary>
    private static void Append(IncrementalHash hash, string field)
    {
        var bytes = Encoding.UTF8.GetBytes(field);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
