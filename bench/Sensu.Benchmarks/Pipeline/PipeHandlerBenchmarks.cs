using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Execution;

namespace Sensu.Benchmarks.Pipeline;

/// <summary>
/// Issue 5, benchmark (2): one operation is <see cref="Executions"/> process runs, <see cref="Parallelism"/> at a time.
/// Baseline: plain <c>sh -c true</c> spawns with <see cref="Process"/> (no redirection). Then the backend's
/// <see cref="ProcessRunner"/> alone (posix_spawn into its own process group, and for comparison its Process-and-setsid fallback; composed environment, stdin written, output captured) and the pipeline's
/// <c>pipe</c> handler kind (<see cref="PipeHandler"/>: secrets, assets and environment composed, then the runner),
/// both running <c>true</c> with the event JSON on stdin. Target: handler rate ≥ 0.9 × raw spawn rate.
/// </summary>
[MemoryDiagnoser]
public class PipeHandlerBenchmarks
{
    private BenchBackend _backend = null!;
    private PipeHandler _pipe = null!;
    private IProcessRunner _runner = null!;
    private ProcessRunner _dotnetRunner = null!;
    private Handler _handler = null!;
    private Event _event = null!;
    private ReadOnlyMemory<byte> _body;

    [Params(100)]
    public int Executions { get; set; }

    [Params(1, 4)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _backend = await BenchBackend.StartAsync(CancellationToken.None);
        _pipe = _backend.Services.GetServices<IHandlerKind>().OfType<PipeHandler>().Single();
        _runner = _backend.Services.GetRequiredService<IProcessRunner>();
        _dotnetRunner = new ProcessRunner(new ProcessRunnerOptions { UsePosixSpawn = false }, TimeProvider.System);
        _handler = new Handler
        {
            Metadata = new ObjectMeta { Name = "bench-pipe", Namespace = BenchEvents.Namespace },
            Type = Handler.PipeType,
            Command = "true",
            Timeout = 30,
        };
        _event = BenchEvents.Create("web", 1, _handler.Metadata.Name!, 1_700_000_000);
        _body = JsonSerializer.SerializeToUtf8Bytes(_event, SensuJsonContext.Default.Event);
    }

    [Benchmark(Baseline = true, Description = "sh -c true, Process.Start")]
    public Task RawSpawns() => RunAsync(async ct =>
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "true" }, UseShellExecute = false })
            ?? throw new InvalidOperationException("sh did not start");
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"sh -c true exited {process.ExitCode}");
    });

    [Benchmark(Description = "setsid sh -c true, Process.Start (the runner's extra exec)")]
    public Task SetsidSpawns() => RunAsync(async ct =>
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/setsid") { ArgumentList = { "/bin/sh", "-c", "true" }, UseShellExecute = false })
            ?? throw new InvalidOperationException("setsid did not start");
        await process.WaitForExitAsync(ct);
    });

    [Benchmark(Description = "sh -c true, stdio redirected, event on stdin")]
    public Task RedirectedSpawns() => RunAsync(async ct =>
    {
        var info = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "true" }, UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("sh did not start");
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(_body, ct);
            await process.StandardInput.BaseStream.DisposeAsync();
        }
        catch (IOException)
        {
            // true does not read its stdin.
        }
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(ct), process.StandardError.ReadToEndAsync(ct), process.WaitForExitAsync(ct));
    });

    [Benchmark(Description = "ProcessRunner with Process and setsid (the fallback), true, event on stdin")]
    public Task DotnetProcessRunner() => RunAsync(async ct =>
    {
        var result = await _dotnetRunner.RunAsync(new ProcessRequest { Command = "true", Stdin = _body, Timeout = TimeSpan.FromSeconds(30) }, ct);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"true exited {result.ExitCode}: {result.Output}");
    });

    [Benchmark(Description = "ProcessRunner alone (posix_spawn), true, event on stdin")]
    public Task ProcessRunnerAlone() => RunAsync(async ct =>
    {
        var result = await _runner.RunAsync(new ProcessRequest { Command = "true", Stdin = _body, Timeout = TimeSpan.FromSeconds(30) }, ct);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"true exited {result.ExitCode}: {result.Output}");
    });

    [Benchmark(Description = "pipe handler (PipeHandler.RunAsync), true, event on stdin")]
    public Task PipeHandlerRuns() => RunAsync(async ct =>
    {
        var outcome = await _pipe.RunAsync(_handler, _event, _body, ct);
        if (outcome != HandlerOutcome.Ok)
            throw new InvalidOperationException($"pipe handler outcome {outcome}");
    });

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _dotnetRunner.Dispose();
        await _backend.DisposeAsync();
    }

    private Task RunAsync(Func<CancellationToken, ValueTask> once) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, Executions),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism },
            (_, ct) => once(ct));
}
