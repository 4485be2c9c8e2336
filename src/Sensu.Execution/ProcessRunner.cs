using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Sensu.Execution;

/// <summary>
/// Runs <c>sh -c COMMAND</c> in its own process group (through <c>setsid</c> when present) with the composed
/// environment, the given stdin, stdout and stderr captured as one stream, and a timeout that kills the whole
/// group: status <see cref="ProcessResult.TimedOutExitCode"/>, output <see cref="ProcessResult.TimedOutOutput"/>.
/// At most <see cref="ProcessRunnerOptions.MaxConcurrency"/> commands run at once.
/// </summary>
public sealed class ProcessRunner : IProcessRunner, IDisposable
{
    private static readonly string[] SetsidCandidates = ["/usr/bin/setsid", "/bin/setsid"];

    private readonly ProcessRunnerOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;
    private readonly string? _setsid;

    public ProcessRunner(ProcessRunnerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        _options = options;
        _time = time;
        _slots = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
        _setsid = SetsidCandidates.FirstOrDefault(File.Exists);
    }

    /// <summary>How many commands are running now.</summary>
    public int Running => _options.MaxConcurrency - _slots.CurrentCount;

    public async Task<ProcessResult> RunAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunCoreAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();

    private async Task<ProcessResult> RunCoreAsync(ProcessRequest request, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = StartInfo(request) };
        var started = _time.GetTimestamp();
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot start {_options.Shell}: {ex.Message}", ex);
        }

        using var timeout = request.Timeout is { } t && t > TimeSpan.Zero
            ? new CancellationTokenSource(t, _time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);

        var stdin = WriteStdinAsync(process.StandardInput.BaseStream, request.Stdin);
        var stdout = ReadAllAsync(process.StandardOutput.BaseStream);
        var stderr = ReadAllAsync(process.StandardError.BaseStream);
        var finished = Task.WhenAll(process.WaitForExitAsync(CancellationToken.None), stdout, stderr, stdin);
        try
        {
            await finished.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            Kill(process);
            await Task.WhenAny(finished, Task.Delay(_options.KillGracePeriod, _time, CancellationToken.None)).ConfigureAwait(false);
            _ = finished.ContinueWith(static f => f.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            cancellationToken.ThrowIfCancellationRequested();
            return new ProcessResult(ProcessResult.TimedOutExitCode, ProcessResult.TimedOutOutput, _time.GetElapsedTime(started), TimedOut: true);
        }

        var output = Decode(await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        int exitCode;
        try
        {
            exitCode = process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            exitCode = ProcessResult.UnknownExitCode;
        }
        return new ProcessResult(exitCode, output, _time.GetElapsedTime(started), TimedOut: false);
    }

    private ProcessStartInfo StartInfo(ProcessRequest request)
    {
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = request.WorkingDirectory ?? string.Empty,
        };
        if (_setsid is not null)
        {
            info.FileName = _setsid;
            info.ArgumentList.Add(_options.Shell);
        }
        else
        {
            info.FileName = _options.Shell;
        }
        // stderr joins stdout on the same pipe, so the combined output keeps the command's own order.
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec 2>&1\n" + request.Command);

        var environment = EnvironmentComposer.Merge(
            request.BaseEnvironment ?? EnvironmentComposer.Current(), request.EnvVars, request.ExtraEnvironment);
        info.Environment.Clear();
        foreach (var (key, value) in EnvironmentComposer.ToDictionary(environment))
            info.Environment[key] = value;
        return info;
    }

    private void Kill(Process process)
    {
        try
        {
            if (_setsid is not null)
                ProcessGroup.Kill(process.Id);
            // Also covers a kill that raced setsid() and processes started outside the group.
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }

    private static async Task WriteStdinAsync(Stream stdin, ReadOnlyMemory<byte>? payload)
    {
        try
        {
            if (payload is { Length: > 0 } bytes)
                await stdin.WriteAsync(bytes, CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The command exited or closed its stdin without reading everything: not an error.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync().ConfigureAwait(false);
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
        await stream.CopyToAsync(buffer, CancellationToken.None).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static string Decode(byte[] stdout, byte[] stderr) =>
        stderr.Length == 0 ? Encoding.UTF8.GetString(stdout) : Encoding.UTF8.GetString(stdout) + Encoding.UTF8.GetString(stderr);
}
