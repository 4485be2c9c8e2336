using System.Globalization;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Keepalived;

/// <summary>The events keepalived produces, with Sensu's check names, handlers and output texts (core-spec §4.2).</summary>
public static class KeepaliveEvents
{
    public const string KeepaliveCheck = "keepalive";
    public const string KeepaliveHandler = "keepalive";
    public const string RegistrationCheck = "registration";
    public const string RegistrationHandler = "registration";
    public const string DeregistrationCheck = "deregistration";
    public const string DeregisteringOutput = "Resolving due to entity deregistering";

    /// <summary>Default warning timeout, seconds.</summary>
    public const long DefaultTimeout = 120;

    /// <summary>Go's <c>time.Time.String()</c> of a unix time, in UTC: <c>2006-01-02 15:04:05 +0000 UTC</c>.</summary>
    public static string GoTime(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " +0000 UTC";

    public static string AliveOutput(string entity, long lastSeen) => $"Keepalive last sent from {entity} at {GoTime(lastSeen)}";

    public static string FailureOutput(string entity, long elapsed, long threshold) =>
        $"No keepalive sent from {entity} for {elapsed} seconds (>= {threshold})";

    /// <summary>A keepalive event about <paramref name="entity"/> with the given status and output.</summary>
    public static Event Keepalive(Entity entity, Check? received, IReadOnlyList<ResourceReference> pipelines, uint status, string output, long now)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var check = new Check
        {
            Interval = received?.Interval ?? 0,
            Timeout = received?.Timeout ?? (uint)DefaultTimeout,
            Ttl = received?.Ttl ?? 0,
            Handlers = entity.KeepaliveHandlers is { Count: > 0 } handlers ? [.. handlers] : [KeepaliveHandler],
            Status = status,
            Output = output,
            Executed = now,
            Issued = now,
            Metadata = new()
            {
                Name = KeepaliveCheck,
                Namespace = entity.Metadata.Namespace,
                Labels = received?.Metadata.Labels,
                Annotations = received?.Metadata.Annotations,
            },
        };
        if (check.Ttl > 0 && check.Ttl <= check.Interval)
            check.Ttl = 0;
        return Wrap(entity, check, now, pipelines);
    }

    /// <summary>The event published when an agent entity registers (status 1, handler <c>registration</c>).</summary>
    public static Event Registration(Entity entity, long now) => Wrap(entity, new Check
    {
        Interval = 1,
        Status = 1,
        Handlers = [RegistrationHandler],
        Executed = now,
        Issued = now,
        Metadata = new() { Name = RegistrationCheck, Namespace = entity.Metadata.Namespace },
    }, now, []);

    /// <summary>The event for the deregistration handler of a deregistered entity (status 1).</summary>
    public static Event Deregistration(Entity entity, string handler, long now) => Wrap(entity, new Check
    {
        Interval = 1,
        Status = 1,
        Handlers = [handler],
        Executed = now,
        Issued = now,
        Metadata = new() { Name = DeregistrationCheck, Namespace = entity.Metadata.Namespace },
    }, now, []);

    private static Event Wrap(Entity entity, Check check, long now, IReadOnlyList<ResourceReference> pipelines) => new()
    {
        Entity = entity,
        Check = check,
        Timestamp = now,
        Id = EventIds.New(),
        Pipelines = [.. pipelines],
        Metadata = new() { Namespace = entity.Metadata.Namespace },
    };
}
