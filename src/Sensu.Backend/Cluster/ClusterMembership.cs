using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Store;

namespace Sensu.Backend.Cluster;

/// <summary>
/// This backend's place in the cluster, refreshed at every heartbeat: writes its <see cref="MemberRecord"/>, reads
/// which members are alive (a heartbeat younger than <see cref="ClusterOptions.MemberTtl"/>), takes or renews the
/// leader lease (<see cref="LeaderLease"/>), and lets each <see cref="IClusterParticipant"/> (Agentd's presence) share its state. The first round runs in
/// <see cref="StartAsync"/>, before the schedulers start; a clean stop releases the lease and removes the records,
/// so the others take over at their next heartbeat instead of after the ttl.
/// </summary>
public sealed class ClusterMembership(
    BackendIdentity identity,
    LeaseService leases,
    IEnumerable<IClusterParticipant> participants,
    IEnumerable<IAgentEndpoint> agentEndpoints,
    IResourceReader reader,
    IResourceWriter writer,
    IOptions<ClusterOptions> options,
    TimeProvider time,
    ILogger<ClusterMembership> logger) : BackgroundService, IClusterLeader
{
    /// <summary>The lease whose holder runs the schedules and raises keepalive alerts.</summary>
    public const string LeaderLease = "leader";

    private const string RecordType = "Member";

    private readonly ClusterOptions _options = options.Value;
    private readonly long _started = time.GetUtcNow().ToUnixTimeMilliseconds();
    private volatile IReadOnlyList<MemberRecord> _live = [];
    private volatile Lease? _lease;

    public BackendIdentity Identity => identity;

    /// <summary>The live members (this one included once its first heartbeat is written), ordered by id.</summary>
    public IReadOnlyList<MemberRecord> Members => _live;

    public bool IsClustered => _live.Any(m => m.Id != identity.Id);

    public bool IsLeaderAt(DateTimeOffset instant) => _lease is { } lease && lease.HeldAt(instant);

    public long FencingToken => _lease is { } lease && lease.HeldAt(time.GetUtcNow()) ? lease.Token : 0;

    public TimeSpan RefreshInterval => _options.HeartbeatInterval;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RoundAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            if (_lease is { } lease)
                await leases.ReleaseAsync(lease, cancellationToken);
            _lease = null;
            foreach (var participant in participants)
                await participant.LeaveAsync(cancellationToken);
            await writer.DeleteAsync(ResourceKey.Cluster(ClusterKinds.Members, identity.Id), cancellationToken);
            Log.Left(logger, identity.Id);
        }
        catch (StoreException ex)
        {
            Log.RoundFailed(logger, identity.Id, ex);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(_options.HeartbeatInterval, time, stoppingToken);
                await RoundAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var record = new MemberRecord(identity.Id, identity.HostName, _options.ApiUrl, agentEndpoints.Select(e => e.Url?.ToString()).FirstOrDefault(u => u is not null) ?? string.Empty, _started, now.ToUnixTimeMilliseconds());
            await writer.PutAsync(new ResourceWrite(
                ResourceKey.Cluster(ClusterKinds.Members, identity.Id),
                RecordType,
                JsonSerializer.Serialize(record, ClusterJsonContext.Default.MemberRecord)), cancellationToken);
            var all = await ReadMembersAsync(cancellationToken);
            var oldest = now - _options.MemberTtl;
            var live = all.Where(m => m.Id == identity.Id || DateTimeOffset.FromUnixTimeMilliseconds(m.Heartbeat) > oldest).ToList();
            foreach (var joined in live.Where(m => m.Id != identity.Id && _live.All(known => known.Id != m.Id)))
                Log.Joined(logger, joined.Id, joined.ApiUrl);
            foreach (var gone in _live.Where(m => live.All(l => l.Id != m.Id)))
                Log.Lost(logger, gone.Id);
            _live = live;
            await LeadAsync(cancellationToken);
            var others = live.Where(m => m.Id != identity.Id).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var participant in participants)
                await participant.HeartbeatAsync(others, cancellationToken);
            if (IsLeaderAt(time.GetUtcNow()))
                await ForgetDeadAsync(all, live, cancellationToken);
        }
        catch (StoreException ex)
        {
            Log.RoundFailed(logger, identity.Id, ex);
        }
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        var held = _lease;
        var lease = held is null
            ? await leases.TryAcquireAsync(LeaderLease, identity.Id, _options.LeaseTtl, cancellationToken)
            : await leases.RenewAsync(held, _options.LeaseTtl, cancellationToken)
                ?? await leases.TryAcquireAsync(LeaderLease, identity.Id, _options.LeaseTtl, cancellationToken);
        if (lease is not null && (held is null || held.Token != lease.Token))
            Log.Leading(logger, identity.Id, lease.Token);
        else if (lease is null && held is not null)
            Log.NoLongerLeading(logger, identity.Id);
        _lease = lease;
    }

    private async Task<List<MemberRecord>> ReadMembersAsync(CancellationToken cancellationToken)
    {
        var page = await reader.ListAsync(ClusterKinds.Members, null, PageRequest.All, cancellationToken);
        return page.Items
            .Select(s => JsonSerializer.Deserialize(s.Json, ClusterJsonContext.Default.MemberRecord))
            .OfType<MemberRecord>()
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The leader removes the records of members dead for ten ttls, and the presence of every dead member.</summary>
    private async Task ForgetDeadAsync(List<MemberRecord> all, List<MemberRecord> live, CancellationToken cancellationToken)
    {
        var longGone = time.GetUtcNow() - 10 * _options.MemberTtl;
        foreach (var dead in all.Where(m => live.All(l => l.Id != m.Id)))
        {
            await writer.DeleteAsync(ResourceKey.Cluster(ClusterKinds.Presence, dead.Id), cancellationToken);
            if (DateTimeOffset.FromUnixTimeMilliseconds(dead.Heartbeat) < longGone)
                await writer.DeleteAsync(ResourceKey.Cluster(ClusterKinds.Members, dead.Id), cancellationToken);
        }
    }
}
