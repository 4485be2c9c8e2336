using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Cluster;
using Sensu.Backend.Hosting;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Secrets.Redaction;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Secrets;

/// <summary>
/// The backend's <c>secrets</c> events (secrets-spec §4.3): status 0 <c>secrets provider ok</c> or status 2 with
/// the error text, about the backend entity in <c>sensu-system</c>, written through <see cref="IEventWriter"/> so
/// they flow through the normal pipeline. Throttled: a status equal to the last reported one within
/// <see cref="ThrottleWindow"/> is not published again; a change of status always is.
/// <para>
/// Reporting never blocks resolution and never fails it (Sensu fails the execution when the ok event cannot be
/// published; we don't): reports go through a small bounded channel (oldest dropped when full) to this
/// service's loop, which hands them to Eventd's writer (<see cref="EventQueues"/>, which does not depend on the pipeline, so no cycle).
/// </para>
/// </summary>
public sealed class SecretsHealthEvents : BackgroundService
{
    public const string CheckName = "secrets";

    public const string OkOutput = "secrets provider ok";

    public static readonly TimeSpan ThrottleWindow = TimeSpan.FromSeconds(30);

    private readonly Channel<(uint Status, string Output, DateTimeOffset At)> _reports =
        Channel.CreateBounded<(uint, string, DateTimeOffset)>(new BoundedChannelOptions(16)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

    private readonly Lock _gate = new();
    private readonly IEventWriter _writer;
    private readonly BackendEntity _entity;
    private readonly SecretScrubber _scrubber;
    private readonly TimeProvider _time;
    private readonly ILogger<SecretsHealthEvents> _logger;
    private (uint Status, DateTimeOffset At)? _last;

    public SecretsHealthEvents(IEventWriter writer, BackendEntity entity, SecretScrubber scrubber, TimeProvider time, ILogger<SecretsHealthEvents> logger)
    {
        _writer = writer;
        _entity = entity;
        _scrubber = scrubber;
        _time = time;
        _logger = logger;
    }

    /// <summary>Events handed to the writer so far.</summary>
    public long Published => Interlocked.Read(ref _published);

    private long _published;

    /// <summary>The provider answered (the secret may still be missing).</summary>
    public void ReportOk() => Report(0, OkOutput);

    /// <summary>A provider could not be reached or used; <paramref name="error"/> is the lookup's error text.</summary>
    public void ReportUnavailable(string error) => Report(2, error);

    private void Report(uint status, string output)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (_last is { } last && last.Status == status && now - last.At < ThrottleWindow)
                return;
            _last = (status, now);
        }
        if (!_reports.Writer.TryWrite((status, _scrubber.Scrub(output), now)))
            Log.HealthEventDropped(_logger, status);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (status, output, at) in _reports.Reader.ReadAllAsync(stoppingToken))
                await PublishAsync(status, output, at, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is left is about a backend that is going away.
        }
    }

    private async Task PublishAsync(uint status, string output, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var seconds = at.ToUnixTimeSeconds();
        var ev = new Event
        {
            Metadata = new ObjectMeta { Namespace = BackendEntity.Namespace },
            Entity = _entity.ToEntity(),
            Check = new Check
            {
                Metadata = new ObjectMeta { Name = CheckName, Namespace = BackendEntity.Namespace },
                Status = status,
                Output = output,
                Issued = seconds,
                Executed = seconds,
            },
            Timestamp = seconds,
            Id = EventIds.New(),
        };
        try
        {
            await _writer.WriteAsync(ev, cancellationToken);
            Interlocked.Increment(ref _published);
            Log.HealthEventPublished(_logger, status, output);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.HealthEventFailed(_logger, status, ex);
        }
    }
}
