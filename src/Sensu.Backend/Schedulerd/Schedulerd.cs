using System.Diagnostics.Metrics;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Backend.Cluster;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// The scheduler daemon (core-spec §7): one timer loop per published check of every namespace, kept in step with
/// the check cache (a created, changed or deleted check is rescheduled at once), plus the ad hoc queue filled by
/// <c>POST /checks/NAME/execute</c>. Stopping cancels and awaits every loop. In a cluster every backend keeps the
/// timers but only the leader (<see cref="IClusterLeader"/>) executes a tick, so a check fires once per interval
/// across the cluster; ad hoc requests are executed by the backend that received them.
/// </summary>
public sealed class Schedulerd : BackgroundService
{
    private readonly ResourceCache<CheckConfig> _checks;
    private readonly IReadOnlyList<Func<CancellationToken, Task>> _readiness;
    private readonly CheckExecutor _executor;
    private readonly AdhocQueue _adhoc;
    private readonly IClusterLeader _leader;
    private readonly TimeProvider _time;
    private readonly ILogger<Schedulerd> _logger;
    private readonly SchedulerdMetrics _metrics;
    private readonly Dictionary<(string Namespace, string Name), CheckScheduler> _schedulers = [];
    private readonly Channel<bool> _changed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });
    private volatile int _scheduled;
    private long _reconciliations;

    public Schedulerd(
        ResourceCache<CheckConfig> checks,
        ResourceCache<Asset> assets,
        ResourceCache<HookConfig> hooks,
        ResourceCache<Entity> entities,
        CheckExecutor executor,
        AdhocQueue adhoc,
        IClusterLeader leader,
        IMeterFactory meterFactory,
        TimeProvider time,
        ILogger<Schedulerd> logger)
    {
        ArgumentNullException.ThrowIfNull(executor);
        _checks = checks;
        _readiness = [checks.WaitReadyAsync, assets.WaitReadyAsync, hooks.WaitReadyAsync, entities.WaitReadyAsync];
        _executor = executor;
        _adhoc = adhoc;
        _leader = leader;
        _time = time;
        _logger = logger;
        _metrics = new SchedulerdMetrics(meterFactory, () => _scheduled);
        executor.Metrics = _metrics;
    }

    /// <summary>Checks with a running timer loop.</summary>
    public int Scheduled => _scheduled;

    /// <summary>How many times the schedules were brought in line with the check cache.</summary>
    public long Reconciliations => Interlocked.Read(ref _reconciliations);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _checks.Changed += OnChanged;
        Task adhoc = Task.CompletedTask;
        try
        {
            foreach (var ready in _readiness)
                await ready(stoppingToken);
            adhoc = Task.Run(() => RunAdhocAsync(stoppingToken), CancellationToken.None);
            await ReconcileAsync();
            await foreach (var _ in _changed.Reader.ReadAllAsync(stoppingToken))
                await ReconcileAsync();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            _checks.Changed -= OnChanged;
            await Task.WhenAll(_schedulers.Values.Select(s => s.StopAsync()));
            _schedulers.Clear();
            _scheduled = 0;
            await adhoc;
        }
    }

    private void OnChanged(ResourceKey? key) => _changed.Writer.TryWrite(true);

    private async Task ReconcileAsync()
    {
        var desired = _checks.All()
            .Where(c => c.Publish)
            .ToDictionary(c => (c.Metadata.Namespace ?? string.Empty, c.Metadata.Name!), c => c);
        foreach (var (key, scheduler) in _schedulers.ToList())
        {
            if (!desired.TryGetValue(key, out var check) || Fingerprint(check) != scheduler.Fingerprint)
            {
                await scheduler.StopAsync();
                _schedulers.Remove(key);
                Log.Unscheduled(_logger, $"{key.Item1}/{key.Item2}");
            }
        }
        foreach (var (key, check) in desired)
        {
            if (_schedulers.ContainsKey(key))
                continue;
            ICheckSchedule schedule;
            try
            {
                schedule = CheckSchedules.For(check);
            }
            catch (FormatException ex)
            {
                Log.InvalidSchedule(_logger, $"{key.Item1}/{key.Item2}", ex.Message);
                continue;
            }
            var scheduler = new CheckScheduler(check, Fingerprint(check), schedule, _executor, _leader, _time, _metrics, _logger);
            _schedulers[key] = scheduler;
            scheduler.Start();
            Log.Scheduled(_logger, $"{key.Item1}/{key.Item2}", check.Cron ?? $"every {check.Interval}s");
        }
        _scheduled = _schedulers.Count;
        Interlocked.Increment(ref _reconciliations);
    }

    private async Task RunAdhocAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in _adhoc.ReadAllAsync(stoppingToken))
            {
                if (_checks.Get(request.Namespace, request.Check) is not { } check)
                {
                    Log.AdhocUnknownCheck(_logger, request.Namespace, request.Check);
                    continue;
                }
                var window = TimeSpan.Zero;
                try
                {
                    window = CheckSchedules.For(check).Period(_time.GetUtcNow());
                }
                catch (FormatException)
                {
                    // No splay window without a schedule.
                }
                try
                {
                    Log.Adhoc(_logger, request.Namespace, request.Check, request.Creator ?? string.Empty, request.Reason ?? string.Empty);
                    await _executor.ExecuteAsync(check, request.Subscriptions, window, stoppingToken);
                    _metrics.Adhoc();
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Log.ExecutionFailed(_logger, $"{request.Namespace}/{request.Check}", ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private static string Fingerprint(CheckConfig check) => JsonSerializer.Serialize(check, SensuJsonContext.Default.CheckConfig);
}
