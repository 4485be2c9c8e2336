using System.Text;
using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipelined;

/// <summary>Sensu's built-in mutators (core-spec §5.2): <c>json</c> (the default) and <c>only_check_output</c>.</summary>
public static class BuiltInMutators
{
    public const string Json = "json";
    public const string OnlyCheckOutput = "only_check_output";

    /// <summary>Null when <paramref name="name"/> is not a built-in mutator; null or empty name means json.</summary>
    public static byte[]? Mutate(string? name, Event ev) => name switch
    {
        null or "" or Json => ToJson(ev),
        OnlyCheckOutput => Encoding.UTF8.GetBytes(ev.Check?.Output ?? ""),
        _ => null,
    };

    /// <summary>The event as JSON, its entity redacted.</summary>
    public static byte[] ToJson(Event ev)
    {
        var copy = new Event
        {
            Timestamp = ev.Timestamp,
            Entity = ev.Entity?.GetRedacted(),
            Check = ev.Check,
            Metrics = ev.Metrics,
            Metadata = ev.Metadata,
            Id = ev.Id,
            Sequence = ev.Sequence,
            Pipelines = ev.Pipelines,
        };
        return JsonSerializer.SerializeToUtf8Bytes(copy, SensuJsonContext.Default.Event);
    }
}
