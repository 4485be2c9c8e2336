namespace Sensu.Backend.Dashboard.Events;

/// <summary>The events list's status choice.</summary>
public enum EventStatusFilter
{
    All,
    NonPassing,
    Passing,
    Warning,
    Critical,
    Unknown,
}
