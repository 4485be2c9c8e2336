namespace Sensu.Backend.Dashboard.Events;

/// <summary>A page of the events list and where the next one starts (null: this is the last).</summary>
public sealed record EventPage(IReadOnlyList<EventRow> Rows, EventCursor? Next);
