namespace Sensu.Backend.Dashboard.Events;

/// <summary>Where a page of the events list starts: in the non-passing part (phase 0) or the passing part (phase 1), after the store's continue token.</summary>
public sealed record EventCursor(int Phase, string? Continue)
{
    public static EventCursor First { get; } = new(0, null);
}
