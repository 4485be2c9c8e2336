using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Backend.Cluster;
using Sensu.Backend.Secrets;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Agentd;

/// <summary>
/// Follows the store's change feed for <see cref="ClusterKinds.Dispatch"/> and hands each check request another
/// backend wrote to this backend's own sessions on its topic (a subscription, or <c>entity:NAME</c> for round
/// robin), resolving the check's secrets here when it has some. Scheduled requests whose fencing token is older than
/// the newest seen come from a backend that lost the leader lease and are dropped. Also deletes this backend's
/// own records once <see cref="ClusterOptions.DispatchRetention"/> has passed.
/// </summary>
public sealed class ClusterDispatchReceiver(
    IChangeFeed feed,
    AgentSessions local,
    ClusterCheckRequestPublisher publisher,
    SecretsResolver secrets,
    BackendIdentity identity,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterDispatchReceiver> logger) : BackgroundService
{
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { ClusterKinds.Dispatch };

    private long _newestToken;

    /// <summary>Requests from other backends delivered to at least one local session.</summary>
    public long Delivered { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = Task.Run(() => SweepAsync(stoppingToken), CancellationToken.None);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await foreach (var change in feed.WatchAsync(Kinds, stoppingToken))
                    {
                        if (change is { Kind: ChangeKind.Put, Resource: { } resource })
                            await DeliverAsync(resource, stoppingToken);
                    }
                }
                catch (ChangeFeedLaggedException ex)
                {
                    Log.DispatchLagged(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            await sweep;
        }
    }

    private async Task DeliverAsync(StoredResource resource, CancellationToken cancellationToken)
    {
        DispatchRecord? record = null;
        try
        {
            record = JsonSerializer.Deserialize(resource.Json, ClusterJson.Dispatch);
            if (record is null || record.Origin == identity.Id)
                return;
            if (record.Token > 0)
            {
                if (record.Token < _newestToken)
                {
                    Log.Fenced(logger, record.Origin, record.Token, _newestToken);
                    return;
                }
                _newestToken = record.Token;
            }
            var request = JsonSerializer.Deserialize(record.Request, SensuJsonContext.Default.CheckRequest);
            if (request is null || local.Subscribers(record.Namespace, record.Topic).Count == 0)
                return;
            if (record.HasSecrets && request.Config.Secrets is { Count: > 0 } references)
            {
                var values = await secrets.ResolveAsync(record.Namespace, references, $"check {request.Config.Metadata.Name}", cancellationToken);
                request.Secrets = SecretEnvironment.Entries(values).ToList();
            }
            if (await local.PublishAsync(record.Namespace, record.Topic, request, cancellationToken) > 0)
                Delivered++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.DeliveryFailed(logger, record?.Origin ?? "?", ex);
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var retention = options.Value.DispatchRetention;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(retention, time, stoppingToken);
                try
                {
                    await publisher.SweepAsync(retention, stoppingToken);
                }
                catch (StoreException ex)
                {
                    Log.DispatchFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
