using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Backend.Cluster;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Backend.Eventd;

namespace Sensu.Backend.Keepalived;

/// <summary>
/// What keepalived does for one keepalive and for one expired switch (core-spec §4.2): registration of unknown
/// agent entities, <c>last_seen</c>, the OK keepalive event, the warning/critical keepalive events, and
/// deregistration. A switch fires against the stored entity's <c>last_seen</c> (keepalives received by any
/// backend of a cluster count), and only the cluster leader (<see cref="IClusterLeader"/>) alerts. Keepalive events are stored through Eventd's <see cref="IEventWriter"/>; registration and
/// deregistration events go to the pipeline unstored, as in Sensu, through Eventd's <see cref="IUnstoredEventWriter"/>.
/// </summary>
public sealed class KeepaliveProcessor(
    ResourceService resources,
    IEventStore events,
    IEventWriter writer,
    IUnstoredEventWriter unstored,
    IOptions<KeepalivedOptions> options,
    IClusterLeader leader,
    TimeProvider time,
    ILogger<KeepaliveProcessor> logger)
{
    /// <summary>Label of entities whose configuration the agent owns (6.x <c>agent-managed-entity</c>).</summary>
    public const string ManagedByLabel = Entity.ManagedByLabel;

    private static readonly ResourceType EntityType = ResourceRegistry.For<Entity>();

    internal KeepalivedMetrics? Metrics { get; set; }

    /// <summary>Records the keepalive and fills the switch's timeouts; returns how long until the switch fires.</summary>
    public async Task<TimeSpan> HandleKeepaliveAsync(Event keepalive, KeepaliveSwitch state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keepalive);
        ArgumentNullException.ThrowIfNull(state);
        var incoming = keepalive.Entity!;
        var ns = keepalive.Metadata.Namespace ?? incoming.Metadata.Namespace ?? "default";
        var name = incoming.Metadata.Name!;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var lastSeen = keepalive.Timestamp > 0 ? keepalive.Timestamp : now;

        var stored = await resources.GetAsync<Entity>(ns, name, cancellationToken);
        var entity = Merge(stored, incoming, ns, lastSeen);
        await resources.PutAsync(entity, cancellationToken);
        if (stored is null && entity.EntityClass == Entity.AgentClass)
        {
            Log.Registered(logger, $"{ns}/{name}");
            Metrics?.Registration();
            await unstored.ForwardAsync(KeepaliveEvents.Registration(entity, now), cancellationToken);
        }

        var check = keepalive.Check;
        state.LastSeen = lastSeen;
        state.Timeout = check is { Timeout: > 0 } ? check.Timeout : KeepaliveEvents.DefaultTimeout;
        state.Critical = check?.Ttl ?? 0;
        state.LastCheck = check;
        state.Pipelines = keepalive.Pipelines;

        var ok = KeepaliveEvents.Keepalive(entity, check, keepalive.Pipelines, 0, KeepaliveEvents.AliveOutput(name, lastSeen), now);
        await writer.WriteAsync(ok, cancellationToken);
        return NextDue(state, now);
    }

    /// <summary>
    /// The switch fired: deregisters the entity, or writes a warning/critical keepalive event. Returns when to
    /// fire again, or null when the switch is done with (entity gone or deregistered).
    /// </summary>
    public async Task<TimeSpan?> HandleTimeoutAsync(KeepaliveKey key, KeepaliveSwitch state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = await resources.GetAsync<Entity>(key.Namespace, key.Entity, cancellationToken);
        if (entity is null)
            return null;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // Another backend may have received keepalives since (the agent moved, or this is the leader's adopted
        // switch): the stored last_seen is the cluster's word. In a cluster only the leader alerts or deregisters,
        // once; the others keep watching in case they lead next.
        if (entity.LastSeen > state.LastSeen)
        {
            state.LastSeen = entity.LastSeen;
            if (now - state.LastSeen < state.Timeout)
                return NextDue(state, now);
        }
        var leading = leader.IsLeaderAt(time.GetUtcNow());
        if (entity.Deregister)
        {
            if (!leading)
                return NextDue(state, now);
            await DeregisterAsync(entity, now, cancellationToken);
            return null;
        }

        var elapsed = now - state.LastSeen;
        uint status = 0;
        long threshold = 0;
        if (state.Timeout > 0 && elapsed >= state.Timeout)
        {
            status = 1;
            threshold = state.Timeout;
        }
        if (state.Critical > 0 && elapsed >= state.Critical)
        {
            status = 2;
            threshold = state.Critical;
        }
        if (status != 0 && leading)
        {
            var failing = KeepaliveEvents.Keepalive(
                entity, state.LastCheck, state.Pipelines, status, KeepaliveEvents.FailureOutput(key.Entity, elapsed, threshold), now);
            await writer.WriteAsync(failing, cancellationToken);
            Log.TimedOut(logger, key.ToString(), status);
            Metrics?.Timeout(status);
        }
        return NextDue(state, now);
    }

    /// <summary>
    /// Deletes the entity and its events (each handed on once more as resolved), then hands the deregistration
    /// handler (the entity's, else <c>--deregistration-handler</c>) an event about it.
    /// </summary>
    public async Task DeregisterAsync(Entity entity, long now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var ns = entity.Metadata.Namespace!;
        var name = entity.Metadata.Name!;
        var page = await events.ListEventsAsync(ns, name, PageRequest.All, cancellationToken);
        await resources.DeleteAsync(EntityType, ns, name, cancellationToken);
        await events.DeleteEntityEventsAsync(ns, name, cancellationToken);
        foreach (var stored in page.Items)
        {
            if (JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Event) is not { Check: { } check } ev)
                continue;
            check.Output = KeepaliveEvents.DeregisteringOutput;
            check.Status = 0;
            check.History = [];
            ev.Timestamp = now;
            await unstored.ForwardAsync(ev, cancellationToken);
        }
        var handler = entity.Deregistration.Handler ?? options.Value.DeregistrationHandler;
        if (!string.IsNullOrEmpty(handler))
            await unstored.ForwardAsync(KeepaliveEvents.Deregistration(entity, handler, now), cancellationToken);
        Log.Deregistered(logger, $"{ns}/{name}");
        Metrics?.Deregistration();
    }

    /// <summary>Warning timeout from now, or sooner when a critical timeout falls before it.</summary>
    public static TimeSpan NextDue(KeepaliveSwitch state, long now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var elapsed = Math.Max(0, now - state.LastSeen);
        var timeout = state.Timeout > 0 ? state.Timeout : KeepaliveEvents.DefaultTimeout;
        var next = elapsed < timeout ? timeout - elapsed : timeout;
        if (state.Critical > 0 && elapsed < state.Critical)
            next = Math.Min(next, state.Critical - elapsed);
        return TimeSpan.FromSeconds(next);
    }

    /// <summary>
    /// The entity to store: the keepalive's own when new or agent-managed; otherwise the stored configuration
    /// with the agent's state (system, version, user, last_seen) — Sensu 6's backend-managed entities.
    /// </summary>
    private static Entity Merge(Entity? stored, Entity incoming, string ns, long lastSeen)
    {
        Entity entity;
        if (stored is null || stored.IsAgentManaged || incoming.IsAgentManaged)
        {
            entity = incoming;
            if (string.IsNullOrEmpty(entity.EntityClass))
                entity.EntityClass = Entity.AgentClass;
        }
        else
        {
            entity = stored;
            entity.System = incoming.System;
            entity.SensuAgentVersion = incoming.SensuAgentVersion;
            entity.User = incoming.User ?? entity.User;
        }
        entity.Metadata.Namespace = ns;
        entity.LastSeen = lastSeen;
        var own = Entity.EntitySubscription(entity.Metadata.Name!);
        if (entity.EntityClass == Entity.AgentClass && !entity.Subscriptions.Contains(own))
            entity.Subscriptions.Add(own);
        return entity;
    }
}
