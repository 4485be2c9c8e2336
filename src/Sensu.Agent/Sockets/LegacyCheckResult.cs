using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Sockets;

/// <summary>
/// A Sensu 1.x check result (<c>{"name":..., "output":..., "status":..., "source"?, "handlers"?, ...}</c>) as an event:
/// <c>source</c> makes it a proxy result (<c>proxy_entity_name</c>).
/// </summary>
internal static class LegacyCheckResult
{
    /// <exception cref="FormatException">not JSON, or no <c>name</c> / <c>output</c>.</exception>
    public static Event ToEvent(ReadOnlySpan<byte> payload)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(payload);
        }
        catch (JsonException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
        if (node is not JsonObject obj)
            throw new FormatException("a check result must be a JSON object");
        var name = Text(obj, "name");
        if (string.IsNullOrEmpty(name))
            throw new FormatException("check result is missing its name");
        var output = Text(obj, "output") ?? throw new FormatException("check result is missing its output");
        var check = new Check
        {
            Metadata = new ObjectMeta { Name = name },
            Output = output,
            Status = (uint)Number(obj, "status"),
            Command = Text(obj, "command"),
            Interval = (uint)Number(obj, "interval"),
            Ttl = Number(obj, "ttl"),
            Timeout = (uint)Number(obj, "timeout"),
            Executed = Number(obj, "executed"),
            Issued = Number(obj, "issued"),
            ProxyEntityName = Text(obj, "source") ?? "",
        };
        if (obj["duration"] is JsonValue duration && duration.TryGetValue<double>(out var seconds))
            check.Duration = seconds;
        if (obj["handlers"] is JsonArray handlers)
            check.Handlers = handlers.Select(h => h?.ToString() ?? "").Where(h => h.Length > 0).ToList();
        else if (Text(obj, "handler") is { Length: > 0 } handler)
            check.Handlers = [handler];
        return new Event { Check = check };
    }

    private static string? Text(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static long Number(JsonObject obj, string key)
    {
        if (obj[key] is not JsonValue value)
            return 0;
        if (value.TryGetValue<long>(out var whole))
            return whole;
        return value.TryGetValue<double>(out var real) ? (long)real : throw new FormatException($"{key} must be a number");
    }
}
