using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Dashboard.Events;

/// <summary>
/// The events the dashboard reads, straight from the event store: non-passing first, then passing, each part in the
/// store's key order and paged by its continue tokens; status, entity and check are pushed down to the store as
/// <see cref="StoreFilter"/> terms, free text is checked here. Events leave as the API shows them: entity redacted,
/// then every <see cref="IResourceOutputFilter"/> for events.
/// </summary>
public sealed class DashboardEvents(IEventStore events, ResourceService resources, IEnumerable<IResourceOutputFilter> filters, TimeProvider time)
{
    private static readonly ResourceType EventType = ResourceRegistry.For<Event>();
    private static readonly ResourceType SilencedType = ResourceRegistry.For<Silenced>();
    private readonly IResourceOutputFilter[] _filters = filters.ToArray();

    public async Task<EventPage> ListAsync(ClaimsPrincipal user, string @namespace, EventQuery query, EventCursor cursor, int pageSize, CancellationToken cancellationToken)
    {
        var rows = new List<EventRow>(pageSize);
        var phase = cursor.Phase;
        var token = cursor.Continue;
        while (phase <= 1)
        {
            if (PhaseFilter(query, phase) is { } filter)
            {
                while (rows.Count < pageSize)
                {
                    var page = await events.ListEventsAsync(@namespace, null, filter, new PageRequest(pageSize - rows.Count, token), cancellationToken);
                    foreach (var stored in page.Items)
                    {
                        if (await ShowAsync(stored.Json, user, cancellationToken) is { } ev && Selects(query, ev))
                            rows.Add(new EventRow(ev));
                    }
                    token = page.Continue;
                    if (token is null)
                        break;
                }
                if (rows.Count >= pageSize)
                    return new EventPage(rows, token is null ? NextPhase(query, phase) : new EventCursor(phase, token));
            }
            phase++;
            token = null;
        }
        return new EventPage(rows, null);
    }

    public async Task<EventDetail?> GetAsync(ClaimsPrincipal user, string @namespace, string entity, string check, CancellationToken cancellationToken)
    {
        var stored = await events.GetEventAsync(new EventKey(@namespace, entity, check), cancellationToken);
        if (stored is null || await ShowAsync(stored.Json, user, cancellationToken) is not { } ev)
            return null;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var silences = new List<Silenced>();
        foreach (var entry in SilenceMatcher.Matching(await resources.ListAllAsync<Silenced>(@namespace, cancellationToken), ev, now) ?? [])
        {
            if (await FilterAsync(SilencedType, entry, user, cancellationToken) is Silenced shown)
                silences.Add(shown);
        }
        return new EventDetail(new EventRow(ev), silences);
    }

    /// <summary>The store filter of one phase (0 non-passing, 1 passing) for the status choice; null when the phase shows nothing.</summary>
    private static StoreFilter? PhaseFilter(EventQuery query, int phase)
    {
        StoreFilterTerm? status = (query.Status, phase) switch
        {
            (EventStatusFilter.All or EventStatusFilter.NonPassing, 0) => StoreFilterTerm.NotIn(StoreFilterField.EventCheckStatus, "0"),
            (EventStatusFilter.All or EventStatusFilter.Passing, 1) => StoreFilterTerm.In(StoreFilterField.EventCheckStatus, "0"),
            (EventStatusFilter.Warning, 0) => StoreFilterTerm.In(StoreFilterField.EventCheckStatus, "1"),
            (EventStatusFilter.Critical, 0) => StoreFilterTerm.In(StoreFilterField.EventCheckStatus, "2"),
            (EventStatusFilter.Unknown, 0) => StoreFilterTerm.NotIn(StoreFilterField.EventCheckStatus, "0", "1", "2"),
            _ => null,
        };
        if (status is null)
            return null;
        var terms = new List<StoreFilterTerm> { status };
        if (!string.IsNullOrWhiteSpace(query.Entity))
            terms.Add(StoreFilterTerm.In(StoreFilterField.EventEntity, query.Entity.Trim()));
        if (!string.IsNullOrWhiteSpace(query.Check))
            terms.Add(StoreFilterTerm.In(StoreFilterField.EventCheck, query.Check.Trim()));
        return new StoreFilter(terms);
    }

    private static EventCursor? NextPhase(EventQuery query, int phase) =>
        phase == 0 && PhaseFilter(query, 1) is not null ? new EventCursor(1, null) : null;

    /// <summary>Every condition again on the event itself (a store may filter less than asked), plus the free text.</summary>
    private static bool Selects(EventQuery query, Event ev)
    {
        var row = new EventRow(ev);
        var statusHolds = query.Status switch
        {
            EventStatusFilter.NonPassing => row.Status != 0,
            EventStatusFilter.Passing => row.Status == 0,
            EventStatusFilter.Warning => row.Status == 1,
            EventStatusFilter.Critical => row.Status == 2,
            EventStatusFilter.Unknown => row.Status > 2,
            _ => true,
        };
        return statusHolds
            && (string.IsNullOrWhiteSpace(query.Entity) || row.Entity == query.Entity.Trim())
            && (string.IsNullOrWhiteSpace(query.Check) || row.Check == query.Check.Trim())
            && (string.IsNullOrWhiteSpace(query.Text) || Contains(row.Entity, query.Text) || Contains(row.Check, query.Text) || Contains(row.Output, query.Text))
            && (string.IsNullOrWhiteSpace(query.Label) || HasLabel(ev.Entity?.Metadata.Labels, query.Label) || HasLabel(ev.Check?.Metadata.Labels, query.Label));
    }

    private static bool HasLabel(Dictionary<string, string>? labels, string label)
    {
        if (labels is null)
            return false;
        var equals = label.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? labels.ContainsKey(label.Trim())
            : labels.TryGetValue(label[..equals].Trim(), out var value) && value == label[(equals + 1)..].Trim();
    }

    private static bool Contains(string value, string text) =>
        CultureInfo.InvariantCulture.CompareInfo.IndexOf(value, text.Trim(), CompareOptions.IgnoreCase) >= 0;

    /// <summary>An event as the API shows it: its entity's redacted labels stay redacted, then the output filters.</summary>
    private async Task<Event?> ShowAsync(string json, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var ev = JsonSerializer.Deserialize(json, SensuJsonContext.Default.Event);
        if (ev is null)
            return null;
        if (ev.Entity is { } entity)
            ev.Entity = entity.GetRedacted();
        return await FilterAsync(EventType, ev, user, cancellationToken) as Event;
    }

    private async Task<IResource?> FilterAsync(ResourceType type, IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        IResource? shown = resource;
        foreach (var filter in _filters)
        {
            if (shown is not null && filter.AppliesTo(type))
                shown = await filter.FilterAsync(type, shown, user, cancellationToken);
        }
        return shown;
    }
}
