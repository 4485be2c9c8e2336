using Spectre.Console;

namespace Sensu.LoadTool;

/// <summary>
/// One load run: connect the agents (paced), warm up, then measure for the set duration the events/s the backend
/// processed (its own counter on /metrics), the latency of sampled events to a tcp handler, backend CPU and RSS,
/// and, at the end, the keepalive alerts raised for the run's agents.
/// </summary>
public sealed class LoadRun(LoadOptions options, BackendApi api, TimeProvider time)
{
    private const string ProcessedCounter = "sensu_eventd_events_processed";

    private readonly List<SimulatedAgent> _agents = [];
    private long _sent;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var receiver = new LatencyReceiver();
        receiver.Start();
        await api.LoginAsync(cancellationToken).ConfigureAwait(false);
        await api.PutLatencyHandlerAsync(Program.LatencyHandler, receiver.Port, cancellationToken).ConfigureAwait(false);

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var viaApi = options.Via == "api";
            var connectFailures = viaApi ? 0 : await ConnectAllAsync(run.Token).ConfigureAwait(false);
            var pacer = options.Rate <= 0 ? Task.CompletedTask
                : viaApi ? PaceAsync(new ApiResultSender(api, options, time).SendAsync, run.Token)
                : PaceAgentsAsync(run.Token);
            await Task.Delay(TimeSpan.FromSeconds(options.Warmup), time, run.Token).ConfigureAwait(false);

            var backend = new ProcessSampler(options.BackendPid, time);
            var self = new ProcessSampler(Environment.ProcessId, time);
            backend.Start();
            self.Start();
            var processedBefore = await api.CounterAsync(ProcessedCounter, run.Token).ConfigureAwait(false);
            var sentBefore = Interlocked.Read(ref _sent);
            var started = time.GetTimestamp();
            receiver.Recording = true;
            var alerted = new HashSet<string>(StringComparer.Ordinal);
            for (var second = 1; second <= options.Duration; second++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, run.Token).ConfigureAwait(false);
                backend.Sample();
                self.Sample();
                // Keepalive alerts are polled during the run (every 30 s), not only at its end.
                if (second % 30 == 0 || second == options.Duration)
                    alerted.UnionWith(await api.KeepaliveAlertsAsync(run.Token).ConfigureAwait(false));
            }
            receiver.Recording = false;
            var elapsed = time.GetElapsedTime(started).TotalSeconds;
            var processedAfter = await api.CounterAsync(ProcessedCounter, run.Token).ConfigureAwait(false);
            var sentAfter = Interlocked.Read(ref _sent);
            var report = new LoadReport
            {
                Agents = options.Agents,
                ConnectFailures = connectFailures,
                AgentsLost = _agents.Count(a => a.Failed),
                Seconds = elapsed,
                SentPerSecond = (sentAfter - sentBefore) / elapsed,
                ProcessedPerSecond = (processedAfter - processedBefore) / elapsed,
                LatencyMillis = receiver.Snapshot(),
                BackendCpuPercent = backend.Available ? backend.CpuPercent() : null,
                BackendMaxRssBytes = backend.Available ? backend.MaxRssBytes : null,
                ToolCpuPercent = self.CpuPercent(),
                SendErrors = _sendErrors,
                KeepaliveAlerts = alerted.Count,
            };
            await run.CancelAsync().ConfigureAwait(false);
            await pacer.ConfigureAwait(false);
            return report;
        }
        finally
        {
            await run.CancelAsync().ConfigureAwait(false);
            foreach (var agent in _agents)
                await agent.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<int> ConnectAllAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        var batch = Math.Max(1, options.ConnectRate / 10);
        for (var first = 0; first < options.Agents; first += batch)
        {
            var started = time.GetTimestamp();
            var agents = Enumerable.Range(first, Math.Min(batch, options.Agents - first))
                .Select(i => new SimulatedAgent(options.AgentPrefix + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture), options, time))
                .ToList();
            var results = await Task.WhenAll(agents.Select(a => TryConnectAsync(a, cancellationToken))).ConfigureAwait(false);
            failures += results.Count(ok => !ok);
            _agents.AddRange(agents);
            var wait = TimeSpan.FromSeconds(0.1) - time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
        AnsiConsole.MarkupLine($"[grey]{_agents.Count - failures} agents connected, {failures} failed[/]");
        return failures;
    }

    private int _sendErrors;

    private async Task SendQuietlyAsync(Func<long, bool, CancellationToken, Task> send, long index, bool measured, CancellationToken cancellationToken)
    {
        try
        {
            await send(index, measured, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (Interlocked.Increment(ref _sendErrors) <= 3)
                AnsiConsole.MarkupLineInterpolated($"[red]send failed: {ex.Message}[/]");
        }
    }

    private static async Task<bool> TryConnectAsync(SimulatedAgent agent, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await agent.ConnectAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == 2)
                    AnsiConsole.MarkupLineInterpolated($"[red]{agent.Name}: {ex.Message}[/]");
            }
        }
        return false;
    }

    private Task PaceAgentsAsync(CancellationToken cancellationToken)
    {
        var live = _agents.Where(a => a.Connected).ToArray();
        return live.Length == 0
            ? Task.CompletedTask
            : PaceAsync((next, measured, ct) => live[next % live.Length].SendResultAsync(measured, ct), cancellationToken);
    }

    private async Task PaceAsync(Func<long, bool, CancellationToken, Task> send, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        long next = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10), time);
        var batch = new List<Task>();
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var due = (long)(options.Rate * time.GetElapsedTime(started).TotalSeconds);
                batch.Clear();
                for (; next < due; next++)
                {
                    batch.Add(SendQuietlyAsync(send, next, next % options.LatencySample == 0, cancellationToken));
                }
                await Task.WhenAll(batch).ConfigureAwait(false);
                Interlocked.Exchange(ref _sent, next);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Run over.
        }
    }
}
