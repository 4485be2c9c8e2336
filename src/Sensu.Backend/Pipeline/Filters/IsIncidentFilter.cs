using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary><c>is_incident</c>: passes a non-zero status and the first OK after a non-OK (a resolution).</summary>
public sealed class IsIncidentFilter : BuiltInEventFilter
{
    public const string FilterName = "is_incident";

    public override string Name => FilterName;

    public override bool Passes(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.IsIncident || ev.IsResolution;
    }
}
