using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary>
/// Stores API-submitted events as they are, after validation: fills id and timestamp, creates a missing
/// entity as a proxy entity. The event pipeline (Eventd) replaces this with the full state machine.
/// </summary>
public sealed class StoreEventWriter(IEventStore events, ResourceService resources, TimeProvider time) : IEventWriter
{
    public async Task WriteAsync(Event ev, CancellationToken cancellationToken)
    {
        if (ev.Timestamp == 0)
            ev.Timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        if (string.IsNullOrEmpty(ev.Id))
            ev.Id = Guid.NewGuid().ToString();
        if (ev.Entity is { } entity && string.IsNullOrEmpty(entity.EntityClass))
            entity.EntityClass = Entity.ProxyClass;
        ev.Validate();

        var entityName = ev.Entity!.Metadata.Name!;
        var ns = ev.Metadata.Namespace!;
        if (await resources.GetAsync<Entity>(ns, entityName, cancellationToken).ConfigureAwait(false) is null)
            await resources.PutAsync(ev.Entity, cancellationToken).ConfigureAwait(false);

        if (ev.Check is null)
            return; // metrics-only events are not stored

        var stored = ev.Metrics;
        ev.Metrics = null;
        var json = JsonSerializer.Serialize(ev, SensuJsonContext.Default.Event);
        ev.Metrics = stored;
        await events.PutEventAsync(new EventKey(ns, entityName, ev.Check.Metadata.Name!), json, cancellationToken).ConfigureAwait(false);
    }
}
