using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Filters;

/// <summary><c>not_silenced</c>: denies an event that a silence matched.</summary>
public sealed class NotSilencedFilter : BuiltInEventFilter
{
    public const string FilterName = "not_silenced";

    public override string Name => FilterName;

    public override bool Passes(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return !(ev.IsSilenced || ev.Check is { IsSilenced: true });
    }
}
