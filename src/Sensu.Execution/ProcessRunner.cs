using System.Text;

namespace Sensu.Execution;

/// <summary>
/// Runs <c>sh -c COMMAND</c> in its own process group (<c>posix_spawn</c> on Linux, see
/// <see cref="SpawnedChildProcess"/>; elsewhere <c>setsid</c> when present) with the composed
/// environment, the given stdin, stdout and stderr captured as one stream, and a timeout that kills the whole
/// group: status <see cref="ProcessResult.TimedOutExitCode"/>, output <see cref="ProcessResult.TimedOutOutput"/>.
/// At most <see cref="ProcessRunnerOptions.MaxConcurrency"/> commands run at once.
/// </summary>
public sealed class ProcessRunner : IProcessRunner, IDisposable
{
    private readonly ProcessRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;

    public ProcessRunner(ProcessRunnerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        _options = options;
        _time = time;
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    /// <summary>How many commands are running now.</summary>
    public int Running => _options.MaxConcurrency - _slots.CurrentCount;

    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await RunCoreAsync(request, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<ProcessResult> RunCoreAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        var environment = EnvironmentComposer.Merge(
            request.BaseEnvironment ?? ChildEnvironmentPolicy.Default.SelectFromProcess().Entries, request.EnvVars, request.ExtraEnvironment);
        var started = _time.GetTimestamp();
        using var child = Start(request, environment);

        using var timeout = request.Timeout is { } t && t > TimeSpan.Zero
            ? new CancellationTokenSource(t, _time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);

        var stdin = WriteStdinAsync(child.Stdin, request.Stdin);
        var stderr = child.Error is { } error ? ReadAllAsync(error) : Task.FromResult(Array.Empty<byte>());
        var collected = CollectAsync(child, stderr);
        var finished = Task.WhenAll(collected, stdin);
        try
        {
            await finished.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            child.KillGroup();
            await Task.WhenAny(finished, Task.Delay(_options.KillGracePeriod, _time, CancellationToken.None));
            _ = finished.ContinueWith(static f => f.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessResult(ProcessResult.TimedOutExitCode, ProcessResult.TimedOutOutput, _time.GetElapsedTime(started), TimedOut: true);
        }

        var (exitCode, output) = await collected;
        return new ProcessResult(exitCode, output, _time.GetElapsedTime(started), TimedOut: false);
    }

    private IChildProcess Start(ProcessRequest request, IReadOnlyList<string> environment) =>
        _options.UsePosixSpawn && SpawnedChildProcess.IsSupported
            ? SpawnedChildProcess.Start(_options.Shell, [_options.Shell, "-c", request.Command], environment, request.WorkingDirectory)
            : DotnetChildProcess.Start(_options.Shell, request.Command, environment, request.WorkingDirectory);

    // The exit status is awaited once the output has closed: both together mean the command is done.
    private static async Task<(int ExitCode, string Output)> CollectAsync(IChildProcess child, Task<byte[]> stderr)
    {
        var stdout = await ReadAllAsync(child.Output);
        var errors = await stderr;
        var exitCode = await child.WaitForExitAsync();
        return (exitCode, Decode(stdout, errors));
    }

    private static async Task WriteStdinAsync(Stream stdin, ReadOnlyMemory<byte>? payload)
    {
        try
        {
            if (payload is { Length: > 0 } bytes)
                await stdin.WriteAsync(bytes, CancellationToken.None);
        }
        catch (IOException)
        {
            // The command exited or closed its stdin without reading everything: not an error.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync();
            }
            catch (IOException)
            {
                // Broken pipe on close.
            }
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, CancellationToken.None);
        return buffer.ToArray();
    }

    private static string Decode(byte[] stdout, byte[] stderr) =>
        stderr.Length == 0 ? Encoding.UTF8.GetString(stdout) : Encoding.UTF8.GetString(stdout) + Encoding.UTF8.GetString(stderr);
}
