using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline;

/// <summary>How the pipeline names an event in logs: <c>namespace/entity/check</c>.</summary>
public static class EventKey
{
    public static string Of(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return $"{Namespace(ev)}/{ev.Entity?.Metadata.Name}/{ev.CheckName}";
    }

    /// <summary>The namespace configuration is read from: the event's, else its entity's, else <c>default</c>.</summary>
    public static string Namespace(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        return ev.Metadata.Namespace is { Length: > 0 } ns ? ns
            : ev.Entity?.Metadata.Namespace is { Length: > 0 } ens ? ens
            : "default";
    }
}
