using System.Text.Json;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Eventd;

/// <summary>
/// What one Eventd worker knows of the last check state of the keys it owns, so that the next result of a check
/// neither waits for the previous write to commit nor parses the stored event again. An entry is the state a write
/// will persist and the revision that write commits: while the write is pending, its state is the latest; once
/// committed, it is trusted only while the store still holds that revision (the event may have been deleted or
/// replaced since, by the API or by another backend), which <see cref="IEventRevisionReader"/> tells without the
/// document; a failed write is forgotten and the store read instead. Holds at most <see cref="Capacity"/> settled
/// entries. Only its worker touches it, one event at a time.
/// </summary>
internal sealed class PreviousChecks(IEventStore events, IEventRevisionReader revisions, int capacity)
{
    private readonly Dictionary<EventKey, Entry> _entries = [];

    /// <summary>Most entries kept once their writes are settled.</summary>
    public int Capacity { get; } = Math.Max(1, capacity);

    /// <summary>The check of the latest event of <paramref name="key"/>, written or being written; null when there is none.</summary>
    public async ValueTask<Check?> GetAsync(EventKey key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (!entry.Revision.IsCompleted)
                return entry.Check;
            if (entry.Revision.IsCompletedSuccessfully)
            {
                var written = await entry.Revision;
                var latest = await revisions.GetEventRevisionAsync(key, cancellationToken);
                if (latest is null)
                {
                    _entries.Remove(key);
                    return null;
                }
                if (latest == written)
                    return entry.Check;
            }
            _entries.Remove(key);
        }

        var stored = await events.GetEventAsync(key, cancellationToken);
        if (stored is null)
            return null;
        var check = Parse(stored.Json);
        if (check is not null)
            Remember(key, check, Task.FromResult(stored.Revision));
        return check;
    }

    /// <summary>Records the state the write of <paramref name="revision"/> persists for <paramref name="key"/>; <paramref name="check"/> is kept as given.</summary>
    public void Remember(EventKey key, Check check, Task<long> revision)
    {
        if (_entries.Count >= Capacity && !_entries.ContainsKey(key))
            ForgetSettled();
        _entries[key] = new Entry(Slim(check), revision);
    }

    /// <summary>The fields the state machine reads back, so an entry holds no output, command or metadata.</summary>
    private static Check Slim(Check check) => new()
    {
        History = check.History,
        LastOk = check.LastOk,
        Occurrences = check.Occurrences,
        OccurrencesWatermark = check.OccurrencesWatermark,
    };

    private static Check? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, EventdJsonContext.Default.StoredEventCheck)?.Check;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Drops every entry whose write is done; pending ones must stay (they are newer than the store).</summary>
    private void ForgetSettled()
    {
        var settled = new List<EventKey>();
        foreach (var (key, entry) in _entries)
        {
            if (entry.Revision.IsCompleted)
                settled.Add(key);
        }
        foreach (var key in settled)
            _entries.Remove(key);
    }

    private readonly record struct Entry(Check Check, Task<long> Revision);
}
