using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary><c>has_metrics</c>: denies an event without metrics.</summary>
public sealed class HasMetricsFilter : BuiltInEventFilter
{
    public const string FilterName = "has_metrics";

    public override string Name => FilterName;

    public override bool Passes(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.HasMetrics;
    }
}
