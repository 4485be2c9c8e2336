using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Agentd;

/// <summary>
/// Sends connected agents their entity's configuration (Sensu 6's <c>entity_config</c>, core-spec §6.3): once when a
/// session opens and whenever the stored entity changes (a user's <c>sensuctl entity update</c>, the API), read from the
/// change feed. Agent-managed entities (label <c>sensu.io/managed_by: sensu-agent</c>) are configured by their agent
/// and get nothing. A keepalive rewrites the entity with new state only, so it sends nothing new: a session is sent a
/// configuration only when it differs from the one it was sent last.
/// </summary>
public sealed class EntityConfigPublisher(
    AgentSessions sessions, IResourceReader reader, IChangeFeed feed, TimeProvider time, ILogger<EntityConfigPublisher> logger) : BackgroundService
{
    private static readonly string EntitiesKind = ResourceRegistry.For<Entity>().StoreKind;
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { EntitiesKind };

    /// <summary>Sends a newly opened session its stored entity's configuration, if it has one the backend manages.</summary>
    public async Task SendCurrentAsync(AgentSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        StoredResource? stored;
        try
        {
            stored = await reader.GetAsync(new ResourceKey(EntitiesKind, session.Namespace, session.AgentName), cancellationToken);
        }
        catch (StoreException ex)
        {
            Log.EntityConfigUnavailable(logger, ex, session.AgentName);
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        if (stored is not null)
            Send(session, stored);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await foreach (var change in feed.WatchAsync(Kinds, stoppingToken))
                    {
                        if (change.Resource is { } stored && sessions.Find(change.Key.Namespace, change.Key.Name) is { } session)
                            Send(session, stored);
                    }
                }
                catch (ChangeFeedLaggedException ex)
                {
                    // Changes were missed: every connected agent is sent its current configuration again.
                    Log.EntityConfigFeedLagged(logger, ex);
                    foreach (var session in sessions.All())
                        await SendCurrentAsync(session, stoppingToken);
                }
                catch (StoreException ex)
                {
                    Log.EntityConfigUnavailable(logger, ex, "*");
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Send(AgentSession session, StoredResource stored)
    {
        Entity? entity;
        try
        {
            entity = JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Entity);
        }
        catch (JsonException ex)
        {
            Log.EntityConfigUnavailable(logger, ex, session.AgentName);
            return;
        }
        if (entity is null || entity.EntityClass != Entity.AgentClass || entity.IsAgentManaged)
            return;
        if (!session.SendEntityConfig(EntityConfig.From(entity)))
            Log.EntityConfigNotQueued(logger, session.AgentName);
    }
}
