using System.Text;
using Sensu.Store;

namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>
/// Copies every resource (namespaces first, as other writes need them) and every event from one store to another
/// through the store contracts, and can empty a store first. Resources go in batches of one transaction each;
/// events through the target's group commit, a page at a time.
/// </summary>
public sealed class StoreCopier(MigrationStore source, MigrationStore target)
{
    private const int PageSize = 500;

    /// <summary>Copies; returns how many resources and events were written.</summary>
    public async Task<(long Resources, long Events)> CopyAsync(CancellationToken cancellationToken)
    {
        long resources = 0;
        foreach (var kind in NamespacesFirst(await source.Reader.ListKindsAsync(cancellationToken)))
        {
            string? token = null;
            do
            {
                var page = await source.Reader.ListAsync(kind, null, new PageRequest(PageSize, token), cancellationToken);
                if (page.Items.Count > 0)
                {
                    await target.Writer.PutManyAsync(page.Items.Select(r => new ResourceWrite(r.Key, r.Type, r.Json)).ToList(), cancellationToken);
                    resources += page.Items.Count;
                }
                token = page.Continue;
            }
            while (token is not null);
        }

        long events = 0;
        string? eventToken = null;
        do
        {
            var page = await source.Events.ListEventsAsync(null, null, new PageRequest(PageSize, eventToken), cancellationToken);
            await Task.WhenAll(page.Items.Select(e => target.Events.PutEventAsync(e.Key, Encoding.UTF8.GetBytes(e.Json), cancellationToken)));
            events += page.Items.Count;
            eventToken = page.Continue;
        }
        while (eventToken is not null);
        return (resources, events);
    }

    /// <summary>Deletes every event and resource of <paramref name="store"/>, namespaces last.</summary>
    public static async Task ClearAsync(MigrationStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        while (true)
        {
            var page = await store.Events.ListEventsAsync(null, null, new PageRequest(PageSize, null), cancellationToken);
            if (page.Items.Count == 0)
                break;
            foreach (var item in page.Items)
                await store.Events.DeleteEventAsync(item.Key, cancellationToken);
        }

        foreach (var kind in NamespacesFirst(await store.Reader.ListKindsAsync(cancellationToken)).Reverse())
        {
            while (true)
            {
                var page = await store.Reader.ListAsync(kind, null, new PageRequest(PageSize, null), cancellationToken);
                if (page.Items.Count == 0)
                    break;
                foreach (var item in page.Items)
                    await store.Writer.DeleteAsync(item.Key, cancellationToken);
            }
        }
    }

    private static IEnumerable<string> NamespacesFirst(IReadOnlyList<string> kinds) =>
        kinds.OrderBy(k => string.Equals(k, StoreKinds.Namespaces, StringComparison.Ordinal) ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal);
}
