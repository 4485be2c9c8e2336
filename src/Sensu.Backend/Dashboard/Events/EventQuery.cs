namespace Sensu.Backend.Dashboard.Events;

/// <summary>
/// What the events list shows: a status choice, an exact entity and check name, free text (entity, check or output,
/// any case), and a label (<c>key=value</c> on the entity's or the check's labels as shown — a redacted label
/// only matches <c>REDACTED</c> — or just <c>key</c> for any value).
/// </summary>
public sealed record EventQuery(EventStatusFilter Status = EventStatusFilter.All, string? Entity = null, string? Check = null, string? Text = null, string? Label = null);
