using System.Collections.Concurrent;
using Sensu.Agent.Configuration;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Entity;

/// <summary>Builds the events the agent sends: check results, keepalives, and events from its local inputs.</summary>
internal sealed class AgentEventFactory(AgentEntityProvider entity, AgentOptions options, TimeProvider time)
{
    public const string KeepaliveCheckName = "keepalive";

    private readonly ConcurrentDictionary<string, long> _sequences = new(StringComparer.Ordinal);

    public long Now => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>An event for a check result executed by this agent.</summary>
    public Event ForCheck(Check check)
    {
        ArgumentNullException.ThrowIfNull(check);
        var ev = new Event { Entity = entity.Snapshot(), Check = check, Timestamp = Now, Id = EventIds.New() };
        ev.SetNamespace(entity.Namespace);
        ev.Sequence = NextSequence(check.Metadata.Name ?? "");
        return ev;
    }

    /// <summary>Sensu's keepalive (core-spec §4.2): the agent entity and check <c>keepalive</c>.</summary>
    public Event Keepalive()
    {
        var check = new Check
        {
            Metadata = new ObjectMeta
            {
                Name = KeepaliveCheckName,
                Namespace = entity.Namespace,
                Labels = options.KeepaliveCheckLabels.Count == 0 ? null : new(options.KeepaliveCheckLabels),
                Annotations = options.KeepaliveCheckAnnotations.Count == 0 ? null : new(options.KeepaliveCheckAnnotations),
            },
            Interval = (uint)options.KeepaliveInterval,
            Timeout = (uint)options.KeepaliveWarningTimeout,
            Ttl = options.KeepaliveCriticalTimeout,
            Handlers = options.KeepaliveHandlers.Count == 0 ? [KeepaliveCheckName] : [.. options.KeepaliveHandlers],
            Executed = Now,
        };
        var ev = ForCheck(check);
        ev.Entity!.LastSeen = ev.Timestamp;
        ev.Pipelines = options.KeepalivePipelines.Select(ParsePipelineReference).ToList();
        return ev;
    }

    /// <summary>
    /// Fills what a local input (HTTP API, socket) may leave out: the agent entity when none is given, the namespace,
    /// timestamp, id, <c>executed</c> and <c>processed_by</c>.
    /// </summary>
    public Event Complete(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ev.Entity ??= entity.Snapshot();
        if (string.IsNullOrEmpty(ev.Entity.EntityClass))
            ev.Entity.EntityClass = Core.Resources.Core.Entity.AgentClass;
        ev.SetNamespace(entity.Namespace);
        if (ev.Timestamp == 0)
            ev.Timestamp = Now;
        if (string.IsNullOrEmpty(ev.Id))
            ev.Id = EventIds.New();
        if (ev.Check is { } check)
        {
            if (check.Executed == 0)
                check.Executed = ev.Timestamp;
            check.ProcessedBy ??= entity.Name;
            ev.Sequence = NextSequence(check.Metadata.Name ?? "");
        }
        return ev;
    }

    /// <summary><c>core/v2.Pipeline.name</c> (or a bare name) into a reference.</summary>
    public static ResourceReference ParsePipelineReference(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('.');
        return parts.Length >= 3
            ? new ResourceReference { ApiVersion = string.Join('.', parts[..^2]), Type = parts[^2], Name = parts[^1] }
            : new ResourceReference { ApiVersion = ResourceReference.CoreV2, Type = "Pipeline", Name = parts[^1] };
    }

    private long NextSequence(string check) => _sequences.AddOrUpdate(check, 1, static (_, n) => n + 1);
}
