using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Pipelined;

/// <summary>
/// <c>--event-log-file</c>: one JSON line per processed event (entity redacted, secret values scrubbed), appended by a
/// single background writer. The buffer holds <see cref="BufferSize"/> lines; when it is full a writer waits at most
/// <see cref="BufferWait"/> (Sensu's <c>event-log-buffer-size</c>/<c>event-log-buffer-wait</c> defaults) and then the
/// line is dropped and counted, so the pipeline is never held up for long. Stopping writes what is buffered. Without
/// <c>--event-log-file</c> it is not <see cref="Enabled"/>: it writes nothing and the pipeline does not call it.
/// </summary>
public sealed class EventLogWriter : BackgroundService
{
    public const int BufferSize = 100_000;
    public static readonly TimeSpan BufferWait = TimeSpan.FromMilliseconds(10);

    private readonly Channel<string> _lines = Channel.CreateBounded<string>(new BoundedChannelOptions(BufferSize)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly string _path;
    private readonly SecretScrubber _scrubber;
    private readonly TimeProvider _time;
    private readonly ILogger<EventLogWriter> _logger;
    private long _dropped;

    public EventLogWriter(IOptions<PipelinedOptions> options, SecretScrubber scrubber, TimeProvider time, ILogger<EventLogWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = options.Value.EventLogFile ?? string.Empty;
        _scrubber = scrubber;
        _time = time;
        _logger = logger;
    }

    /// <summary>True when <c>--event-log-file</c> names a file.</summary>
    public bool Enabled => _path.Length > 0;

    /// <summary>Events left out because the buffer stayed full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Queues the event's line; waits at most <see cref="BufferWait"/> for room.</summary>
    public async ValueTask WriteAsync(Event ev, CancellationToken cancellationToken)
    {
        var line = _scrubber.Scrub(Encoding.UTF8.GetString(JsonMutator.ToJson(ev)));
        if (_lines.Writer.TryWrite(line))
            return;
        using var timer = new CancellationTokenSource(BufferWait, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            if (await _lines.Writer.WaitToWriteAsync(wait.Token) && _lines.Writer.TryWrite(line))
                return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Still full after the wait: drop below.
        }
        var dropped = Interlocked.Increment(ref _dropped);
        if (dropped == 1 || dropped % 1000 == 0)
            Log.EventLogDropped(_logger, dropped);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        StreamWriter? writer = null;
        try
        {
            try
            {
                while (await _lines.Reader.WaitToReadAsync(stoppingToken))
                {
                    writer ??= TryOpen();
                    while (_lines.Reader.TryRead(out var line))
                        await WriteLineAsync(writer, line);
                    await FlushAsync(writer);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping: write what is buffered.
            }
            _lines.Writer.TryComplete();
            while (_lines.Reader.TryRead(out var rest))
            {
                writer ??= TryOpen();
                await WriteLineAsync(writer, rest);
            }
            await FlushAsync(writer);
        }
        finally
        {
            if (writer is not null)
                await writer.DisposeAsync();
        }
    }

    /// <summary>The open file, or null (logged) when it cannot be opened; lines are then dropped until the next batch retries.</summary>
    private StreamWriter? TryOpen()
    {
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(_path));
            if (directory is not null)
                Directory.CreateDirectory(directory);
            var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 64 * 1024, useAsync: true);
            return new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = false, NewLine = "\n" };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.EventLogFailed(_logger, _path, ex.Message);
            return null;
        }
    }

    private async Task WriteLineAsync(StreamWriter? writer, string line)
    {
        if (writer is null)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }
        try
        {
            await writer.WriteLineAsync(line);
        }
        catch (IOException ex)
        {
            Log.EventLogFailed(_logger, _path, ex.Message);
        }
    }

    private async Task FlushAsync(StreamWriter? writer)
    {
        if (writer is null)
            return;
        try
        {
            await writer.FlushAsync(CancellationToken.None);
        }
        catch (IOException ex)
        {
            Log.EventLogFailed(_logger, _path, ex.Message);
        }
    }
}
