using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Connection;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Checks;

/// <summary>
/// Starts check requests (after the gate's stale/duplicate/running checks) and owns every running check:
/// on stop, running commands are cancelled (their process groups killed) and awaited.
/// </summary>
internal sealed class CheckDispatcher(CheckExecutor executor, EventQueue queue, ILogger<CheckDispatcher> logger) : IHostedService, IDisposable
{
    private readonly CheckRequestGate _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private readonly HashSet<Task> _running = [];
    private int _runningCount;

    /// <summary>Number of checks running now.</summary>
    public int Running => Volatile.Read(ref _runningCount);

    /// <summary>Starts the request unless dropped; returns false (and logs why) when dropped.</summary>
    public bool Dispatch(CheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Config.Metadata.Name ?? "";
        var key = string.IsNullOrEmpty(request.Config.ProxyEntityName) ? name : name + "\u0000" + request.Config.ProxyEntityName;
        if (_stopping.IsCancellationRequested)
            return false;
        if (!_gate.TryBegin(key, request.Issued, out var reason))
        {
            Log.RequestDropped(logger, name, reason);
            return false;
        }
        Interlocked.Increment(ref _runningCount);
        lock (_lock)
        {
            var task = RunAsync(request, key, _stopping.Token);
            if (!task.IsCompleted)
                _running.Add(task);
            _ = task.ContinueWith(Forget, TaskScheduler.Default);
        }
        return true;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_lock)
            running = [.. _running];
        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    private void Forget(Task task)
    {
        lock (_lock)
            _running.Remove(task);
    }

    private async Task RunAsync(CheckRequest request, string key, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var name = request.Config.Metadata.Name ?? "";
        try
        {
            var ev = await executor.ExecuteAsync(request, cancellationToken);
            Log.CheckExecuted(logger, name, ev.Check?.Status ?? 0);
            queue.Publish(ev);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the command was killed; nothing to report.
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Log.CheckCrashed(logger, ex, name);
            queue.Publish(executor.Failure(request.Config, request, ex.Message));
        }
        finally
        {
            _gate.End(key);
            Interlocked.Decrement(ref _runningCount);
        }
    }
}
