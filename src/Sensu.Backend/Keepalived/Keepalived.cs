using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Cluster;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Keepalived;

/// <summary>
/// The keepalive daemon (core-spec §4.2): keepalives from Agentd wait in <see cref="KeepaliveQueues"/>
/// (<c>keepalived-buffer-size</c>), each queue served by one of <c>keepalived-workers</c> workers.
/// Each keepalive registers/updates the entity, stores an OK keepalive event and re-arms the entity's liveness
/// switch; a switch that fires produces a warning (timeout) or critical (ttl) keepalive event, again every timeout,
/// or deregisters the entity. Nothing survives a restart but the store: on start, switches are armed for agent
/// entities from their <c>last_seen</c>. Stopping closes the queues and awaits every loop.
/// </summary>
public sealed class Keepalived : BackgroundService
{
    private readonly KeepaliveQueues _queues;
    private readonly KeepaliveSwitches _switches;
    private readonly KeepaliveProcessor _processor;
    private readonly ResourceService _resources;
    private readonly IEventStore _events;
    private readonly IClusterLeader _leader;
    private readonly TimeProvider _time;
    private readonly ILogger<Keepalived> _logger;
    private readonly KeepalivedMetrics _metrics;

    public Keepalived(
        KeepaliveQueues queues,
        KeepaliveProcessor processor,
        ResourceService resources,
        IEventStore events,
        IClusterLeader leader,
        IMeterFactory meterFactory,
        TimeProvider time,
        ILogger<Keepalived> logger)
    {
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(processor);
        _queues = queues;
        _processor = processor;
        _resources = resources;
        _events = events;
        _leader = leader;
        _time = time;
        _logger = logger;
        _switches = new KeepaliveSwitches(time);
        _metrics = new KeepalivedMetrics(meterFactory, () => QueueDepth, () => _switches.Count);
        processor.Metrics = _metrics;
    }

    /// <summary>Keepalives waiting in the queues.</summary>
    public int QueueDepth => _queues.Depth;

    /// <summary>The liveness switches (for tests and metrics).</summary>
    public KeepaliveSwitches Switches => _switches;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Close();
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        base.Dispose();
        _switches.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopping = stoppingToken.Register(Close);
        await RestoreAsync(adoptOnly: false, stoppingToken);
        var readers = _queues.Readers;
        var loops = new Task[readers.Count + 2];
        for (var i = 0; i < readers.Count; i++)
        {
            var reader = readers[i];
            loops[i] = Task.Run(() => RunWorkerAsync(reader, stoppingToken), CancellationToken.None);
        }
        loops[^2] = Task.Run(() => RunExpiriesAsync(stoppingToken), CancellationToken.None);
        loops[^1] = Task.Run(() => RunAdoptionAsync(stoppingToken), CancellationToken.None);
        await Task.WhenAll(loops);
    }

    private void Close()
    {
        _queues.Close();
        _switches.Complete();
    }


    private async Task RunWorkerAsync(ChannelReader<Event> reader, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var keepalive in reader.ReadAllAsync(stoppingToken))
            {
                var key = new KeepaliveKey(keepalive.Metadata.Namespace!, keepalive.Entity!.Metadata.Name!);
                var state = _switches.GetOrAdd(key);
                await state.Gate.WaitAsync(stoppingToken);
                try
                {
                    var due = await _processor.HandleKeepaliveAsync(keepalive, state, stoppingToken);
                    _switches.Arm(key, state, due);
                    _metrics.Keepalive(ok: true);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.KeepaliveFailed(_logger, key.ToString(), ex);
                    _metrics.Keepalive(ok: false);
                }
                finally
                {
                    state.Gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunExpiriesAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (key, generation) in _switches.ReadExpiredAsync(stoppingToken))
            {
                if (_switches.Find(key) is not { } state)
                    continue;
                await state.Gate.WaitAsync(stoppingToken);
                try
                {
                    if (state.Generation != generation)
                        continue;
                    var next = await _processor.HandleTimeoutAsync(key, state, stoppingToken);
                    if (next is { } due)
                        _switches.Arm(key, state, due);
                    else
                        _switches.Bury(key, state);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.TimeoutFailed(_logger, key.ToString(), ex);
                    if (state.Generation == generation && !stoppingToken.IsCancellationRequested)
                        _switches.Arm(key, state, TimeSpan.FromSeconds(state.Timeout));
                }
                finally
                {
                    state.Gate.Release();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// In a cluster, the leader arms switches for the agent entities it has none for (agents of other backends,
    /// alive or dead), at every <see cref="IClusterLeader.RefreshInterval"/>: when a backend dies, its agents that
    /// reconnect nowhere are alerted on by the leader. Alone, there is nothing to adopt and the loop ends at once.
    /// </summary>
    private async Task RunAdoptionAsync(CancellationToken stoppingToken)
    {
        var interval = _leader.RefreshInterval;
        if (interval == System.Threading.Timeout.InfiniteTimeSpan)
            return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(interval, _time, stoppingToken);
                if (_leader.IsClustered && _leader.IsLeaderAt(_time.GetUtcNow()))
                    await RestoreAsync(adoptOnly: true, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// Arms a switch for every agent entity seen before (<paramref name="adoptOnly"/>: those without one), due at
    /// <c>last_seen + timeout</c> (the store's word only).
    /// </summary>
    private async Task RestoreAsync(bool adoptOnly, CancellationToken cancellationToken)
    {
        try
        {
            var entities = await _resources.ListAllAsync<Entity>(null, cancellationToken);
            var now = _time.GetUtcNow().ToUnixTimeSeconds();
            var armed = 0;
            foreach (var entity in entities)
            {
                if (entity.EntityClass != Entity.AgentClass || entity.LastSeen <= 0)
                    continue;
                var key = new KeepaliveKey(entity.Metadata.Namespace!, entity.Metadata.Name!);
                if (adoptOnly && _switches.Find(key) is not null)
                    continue;
                var state = _switches.GetOrAdd(key);
                var stored = await _events.GetEventAsync(new EventKey(key.Namespace, key.Entity, KeepaliveEvents.KeepaliveCheck), cancellationToken);
                var check = stored is null ? null : JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Event)?.Check;
                await state.Gate.WaitAsync(cancellationToken);
                try
                {
                    if (state.Generation != 0)
                        continue;
                    state.LastSeen = entity.LastSeen;
                    state.Timeout = check is { Timeout: > 0 } ? check.Timeout : KeepaliveEvents.DefaultTimeout;
                    state.Critical = check?.Ttl ?? 0;
                    state.LastCheck = check;
                    var elapsed = now - entity.LastSeen;
                    var due = elapsed >= state.Timeout ? TimeSpan.Zero : KeepaliveProcessor.NextDue(state, now);
                    _switches.Arm(key, state, due);
                    armed++;
                }
                finally
                {
                    state.Gate.Release();
                }
            }
            if (!adoptOnly || armed > 0)
                Log.Restored(_logger, armed);
        }
        catch (Exception ex) when (ex is StoreException or JsonException)
        {
            Log.RestoreFailed(_logger, ex);
        }
    }
}
