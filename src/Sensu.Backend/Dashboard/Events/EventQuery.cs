namespace Sensu.Backend.Dashboard.Events;

/// <summary>What the events list shows: a status choice, an exact entity and check name, and free text (entity, check or output, any case).</summary>
public sealed record EventQuery(EventStatusFilter Status = EventStatusFilter.All, string? Entity = null, string? Check = null, string? Text = null);
