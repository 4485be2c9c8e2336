using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Keepalived;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;
using Sensu.Store;
using Sensu.Transport;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Agentd;

/// <summary>
/// What an agent's messages do (core-spec §6.3): <c>keepalive</c> → validated → Keepalived;
/// <c>event</c> → entity filled from the session, namespace forced to the session's → Eventd.
/// A refused message is logged and counted; the session goes on.
/// </summary>
public sealed class AgentMessageHandler(IKeepaliveReceiver keepalives, IEventWriter events, AgentdMetrics metrics, ILogger<AgentMessageHandler> logger)
{
    public async Task HandleAsync(AgentSession session, TransportMessage message, CancellationToken cancellationToken)
    {
        try
        {
            switch (message.Type)
            {
                case MessageTypes.Keepalive:
                    await KeepaliveAsync(session, Parse(message), cancellationToken);
                    break;
                case MessageTypes.Event:
                    await EventAsync(session, Parse(message), cancellationToken);
                    break;
                default:
                    Log.UnknownMessageType(logger, session.AgentName, message.Type);
                    break;
            }
        }
        catch (AgentMessageRefusedException ex)
        {
            Refuse(session, message.Type, ex.Message);
        }
        catch (ResourceValidationException ex)
        {
            Refuse(session, message.Type, ex.Message);
        }
        catch (StoreException ex)
        {
            metrics.Refused("store");
            Log.MessageFailed(logger, ex, session.AgentName, message.Type);
        }
    }

    private async Task KeepaliveAsync(AgentSession session, Event keepalive, CancellationToken cancellationToken)
    {
        if (keepalive.Timestamp == 0)
            throw new AgentMessageRefusedException("keepalive timestamp is zero");
        if (keepalive.Entity is not { } entity)
            throw new AgentMessageRefusedException("keepalive has no entity");
        if (entity.Metadata.Name != session.AgentName)
            throw new AgentMessageRefusedException($"keepalive entity \"{entity.Metadata.Name}\" is not the agent \"{session.AgentName}\"");
        CheckNamespace(session, keepalive);
        keepalive.SetNamespace(session.Namespace);
        if (string.IsNullOrEmpty(entity.EntityClass))
            entity.EntityClass = Entity.AgentClass;
        var own = "entity:" + session.AgentName;
        if (!entity.Subscriptions.Contains(own))
            entity.Subscriptions.Add(own);
        keepalive.Validate();

        await keepalives.ReceiveAsync(keepalive, cancellationToken);
    }

    private async Task EventAsync(AgentSession session, Event ev, CancellationToken cancellationToken)
    {
        CheckNamespace(session, ev);
        // The event is the session's: its namespace, and the agent's own entity when it names none. Eventd fills
        // the rest (EventProcessor.Prepare: the entity's and check's namespace from the event's, id, timestamp).
        ev.Metadata.Namespace = session.Namespace;
        ev.Entity ??= new Entity
        {
            Metadata = new ObjectMeta { Name = session.AgentName },
            EntityClass = Entity.AgentClass,
            Subscriptions = [.. session.Identity.Subscriptions, "entity:" + session.AgentName],
        };
        await events.WriteAsync(ev, cancellationToken);
    }

    /// <summary>An agent writes into its session's namespace only; an empty namespace is taken as it.</summary>
    private static void CheckNamespace(AgentSession session, Event ev)
    {
        foreach (var ns in new[] { ev.Metadata.Namespace, ev.Entity?.Metadata.Namespace, ev.Check?.Metadata.Namespace })
        {
            if (!string.IsNullOrEmpty(ns) && ns != session.Namespace)
                throw new AgentMessageRefusedException($"namespace \"{ns}\" is not the session's namespace \"{session.Namespace}\"");
        }
    }

    private static Event Parse(TransportMessage message)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Payload.Span, SensuJsonContext.Default.Event)
                ?? throw new AgentMessageRefusedException("empty payload");
        }
        catch (JsonException ex)
        {
            throw new AgentMessageRefusedException("malformed payload: " + ex.Message);
        }
    }

    private void Refuse(AgentSession session, string type, string reason)
    {
        metrics.Refused("invalid_" + type);
        Log.MessageRefused(logger, session.AgentName, type, reason);
    }
}
