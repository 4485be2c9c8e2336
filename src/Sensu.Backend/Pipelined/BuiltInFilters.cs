using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>Sensu's built-in event filters (core-spec §5.2). True means the event passes to the handler.</summary>
public static class BuiltInFilters
{
    public const string IsIncident = "is_incident";
    public const string NotSilenced = "not_silenced";
    public const string HasMetrics = "has_metrics";

    /// <summary>Null when <paramref name="name"/> is not a built-in filter.</summary>
    public static bool? Evaluate(string name, Event ev) => name switch
    {
        IsIncident => ev.IsIncident || ev.IsResolution,
        NotSilenced => !(ev.IsSilenced || ev.Check is { IsSilenced: true }),
        HasMetrics => ev.HasMetrics,
        _ => null,
    };
}
