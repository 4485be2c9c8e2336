using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Cluster;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Agentd;

/// <summary>
/// Delivers a check request to this backend's own sessions at once and, only when other live backends exist, also
/// writes it as a <see cref="DispatchRecord"/> that <see cref="ClusterDispatchReceiver"/> on every other backend
/// delivers to its sessions. Resolved secrets are never stored: the record says the check has some and each
/// receiving backend resolves them itself. A backend alone publishes exactly as before, with no store write.
/// Returns the number of local sessions reached (the remote ones are not counted).
/// </summary>
public sealed class ClusterCheckRequestPublisher(
    AgentSessions local,
    IClusterLeader leader,
    BackendIdentity identity,
    IResourceWriter writer,
    TimeProvider time,
    ILogger<ClusterCheckRequestPublisher> logger) : ICheckRequestPublisher
{
    private const string RecordType = "Dispatch";

    private readonly ConcurrentQueue<(ResourceKey Key, DateTimeOffset Written)> _written = new();

    public async ValueTask<int> PublishAsync(string @namespace, string topic, CheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queued = await local.PublishAsync(@namespace, topic, request, cancellationToken);
        if (!leader.IsClustered)
            return queued;
        var hasSecrets = request.Secrets is { Count: > 0 };
        var stripped = hasSecrets
            ? new CheckRequest { Config = request.Config, Assets = request.Assets, Hooks = request.Hooks, Issued = request.Issued, HookAssets = request.HookAssets }
            : request;
        var record = new DispatchRecord(
            identity.Id,
            leader.FencingToken,
            @namespace,
            topic,
            hasSecrets,
            JsonSerializer.Serialize(stripped, SensuJsonContext.Default.CheckRequest));
        var key = ResourceKey.Cluster(ClusterKinds.Dispatch, $"{identity.Id}.{Guid.NewGuid():N}");
        try
        {
            await writer.CreateAsync(new ResourceWrite(key, RecordType, JsonSerializer.Serialize(record, ClusterJson.Dispatch)), cancellationToken);
            _written.Enqueue((key, time.GetUtcNow()));
        }
        catch (StoreException ex)
        {
            Log.DispatchFailed(logger, ex);
        }
        return queued;
    }

    /// <summary>Deletes this backend's dispatch records older than <paramref name="retention"/> (they were delivered long since).</summary>
    public async Task SweepAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        var oldest = time.GetUtcNow() - retention;
        while (_written.TryPeek(out var entry) && entry.Written <= oldest)
        {
            await writer.DeleteAsync(entry.Key, cancellationToken);
            _written.TryDequeue(out _);
        }
    }
}
