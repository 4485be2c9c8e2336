using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Eventd;

/// <summary>
/// The work Eventd does for one event (core-spec §5.1 steps 2–6): fill id and timestamp, validate, create the
/// proxy entity if needed, then — for check events — merge with the stored event, apply silences, end
/// <c>expire_on_resolve</c> silences on resolution, and store. Check and hook output is scrubbed of every resolved
/// secret value before anything is stored or handed on (a check given a secret may print it).
/// </summary>
public sealed class EventProcessor(
    IEventStore events,
    ResourceService resources,
    ResourceCache<Entity> knownEntities,
    SilencedCache silences,
    EventStateMachine stateMachine,
    SecretScrubber scrubber,
    TimeProvider time,
    ILogger<EventProcessor> logger)
{
    private static readonly ResourceType SilencedType = ResourceRegistry.For<Silenced>();

    /// <summary>
    /// The one place event defaults are filled (every entrance — API, agents, the backend's own events — comes
    /// through <see cref="EventQueues"/>, which calls this): timestamp, id, the entity's and check's namespace from
    /// the event's (which the entrance sets from the URL or the agent's session), the entity class; then scrubs and
    /// validates. Throws <see cref="Sensu.Core.Validation.ResourceValidationException"/>.
    /// </summary>
    public void Prepare(Event ev)
    {
        ArgumentNullException.ThrowIfNull(ev);
        if (!string.IsNullOrEmpty(ev.Metadata.Namespace))
        {
            if (ev.Entity is { } owner && string.IsNullOrEmpty(owner.Metadata.Namespace))
                owner.Metadata.Namespace = ev.Metadata.Namespace;
            if (ev.Check is { } named && string.IsNullOrEmpty(named.Metadata.Namespace))
                named.Metadata.Namespace = ev.Metadata.Namespace;
        }
        if (ev.Timestamp == 0)
            ev.Timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        if (string.IsNullOrEmpty(ev.Id))
            ev.Id = EventIds.New();
        if (ev.Entity is { } entity && string.IsNullOrEmpty(entity.EntityClass))
            entity.EntityClass = Entity.ProxyClass;
        if (ev.Check is { } check)
        {
            check.Output = scrubber.Scrub(check.Output);
            foreach (var hook in check.Hooks ?? [])
                hook.Output = scrubber.Scrub(hook.Output);
        }
        ev.Validate();
    }

    /// <summary>
    /// The synthetic result of an expired check TTL (core-spec §4.1): the stored event's check with status 1,
    /// output "Last check execution was N seconds ago" and executed = now; null when the event or its entity is gone.
    /// </summary>
    public async Task<Event?> BuildTtlFailureAsync(EventKey key, CancellationToken cancellationToken)
    {
        var stored = await events.GetEventAsync(key, cancellationToken);
        if (stored is null || JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Event) is not { Check: { } check } ev)
            return null;
        if (await resources.GetAsync<Entity>(key.Namespace, key.Entity, cancellationToken) is not { } entity)
            return null;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        check.Output = $"Last check execution was {now - check.Executed} seconds ago";
        check.Status = 1;
        check.Executed = now;
        check.Hooks = null;
        ev.Entity = entity;
        ev.Timestamp = now;
        ev.Id = EventIds.New();
        return ev;
    }

    /// <summary>The key events are ordered and stored by.</summary>
    public static EventKey KeyOf(Event ev) =>
        new(ev.Metadata.Namespace ?? ev.Entity?.Metadata.Namespace ?? string.Empty, ev.Entity?.Metadata.Name ?? string.Empty, ev.CheckName);

    /// <summary>
    /// Computes the new state of a prepared event from the latest one <paramref name="previous"/> knows (written or
    /// still being written) and queues its write without waiting for the commit; the returned write completes once
    /// the event is stored. Metrics-only events are not stored (no write).
    /// </summary>
    internal async ValueTask<StagedEvent> StageAsync(Event ev, PreviousChecks previous, CancellationToken cancellationToken)
    {
        await EnsureEntityAsync(ev, cancellationToken);
        if (ev.Check is null)
            return new StagedEvent(ev, null);

        await silences.WaitReadyAsync(cancellationToken);
        var key = KeyOf(ev);
        var prior = await previous.GetAsync(key, cancellationToken);

        var transition = stateMachine.Apply(ev, prior, silences.InNamespace(key.Namespace));
        foreach (var name in transition.SilencesToDelete)
        {
            await resources.DeleteAsync(SilencedType, key.Namespace, name, cancellationToken);
            silences.Remove(key.Namespace, name);
            Log.SilenceExpiredOnResolve(logger, name, key.Namespace, key.ToString());
        }
        var write = events.PutEventAsync(key, transition.PersistedJson, cancellationToken);
        previous.Remember(key, transition.Event.Check!, write);
        return new StagedEvent(transition.Event, write, transition.PersistedIsEvent ? transition.PersistedJson : null);
    }

    /// <summary>
    /// A check with <c>proxy_entity_name</c> is about that (proxy) entity, created if missing; any other entity
    /// missing from the store is created as given (API-created proxies get no <c>entity:NAME</c> subscription).
    /// An entity the entity cache holds exists; only one it does not hold (new, or not yet seen by the cache) costs
    /// a store read.
    /// </summary>
    private async Task EnsureEntityAsync(Event ev, CancellationToken cancellationToken)
    {
        var ns = KeyOf(ev).Namespace;
        var entity = ev.Entity!;
        if (ev.Check is { ProxyEntityName.Length: > 0 } check && check.ProxyEntityName != entity.Metadata.Name)
        {
            var proxy = await resources.GetAsync<Entity>(ns, check.ProxyEntityName, cancellationToken);
            if (proxy is null)
            {
                proxy = new Entity
                {
                    EntityClass = Entity.ProxyClass,
                    Subscriptions = [Entity.EntitySubscription(check.ProxyEntityName)],
                    Metadata = new() { Name = check.ProxyEntityName, Namespace = ns },
                };
                await resources.PutAsync(proxy, cancellationToken);
                Log.ProxyEntityCreated(logger, proxy.Metadata.Name!, ns);
            }
            ev.Entity = proxy;
            return;
        }

        if (knownEntities.Get(ns, entity.Metadata.Name!) is null
            && await resources.GetAsync<Entity>(ns, entity.Metadata.Name!, cancellationToken) is null)
        {
            await resources.PutAsync(entity, cancellationToken);
            Log.ProxyEntityCreated(logger, entity.Metadata.Name!, ns);
        }
    }
}
