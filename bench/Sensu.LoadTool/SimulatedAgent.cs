using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.LoadTool;

/// <summary>
/// One simulated agent: a real WebSocket session speaking the agent protocol, a keepalive on connect and every
/// interval, check results on demand, and a reader that drains whatever the backend sends.
/// </summary>
public sealed class SimulatedAgent(string name, LoadOptions options, TimeProvider time) : IAsyncDisposable
{
    private ITransportConnection? _connection;
    private Task? _keepalives;
    private Task? _reader;
    private long _sequence;

    public string Name => name;

    public bool Connected => _connection is not null && !Failed;

    public bool Failed { get; private set; }

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var connect = new AgentConnectOptions
        {
            AgentName = name,
            Namespace = options.Namespace,
            User = options.AgentUser,
            Password = options.AgentPassword,
            Subscriptions = ["load", "entity:" + name],
        };
        _connection = await AgentConnector.ConnectAsync(options.BackendUrl, connect, cancellationToken).ConfigureAwait(false);
        await SendAsync(MessageTypes.Keepalive, Keepalive(), cancellationToken).ConfigureAwait(false);
        _keepalives = KeepaliveLoopAsync(cancellationToken);
        _reader = ReadLoopAsync(cancellationToken);
    }

    /// <summary>Sends one check result; with <paramref name="measured"/> it carries the latency handler and the send time.</summary>
    public Task SendResultAsync(bool measured, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var check = new Check
        {
            Metadata = new ObjectMeta { Name = "load-check", Namespace = options.Namespace },
            Interval = 10,
            Status = 0,
            Executed = now,
            Issued = now,
            Output = measured
                ? LatencyReceiver.Marker + Stopwatch.GetTimestamp().ToString(CultureInfo.InvariantCulture)
                : "load ok",
            Handlers = measured ? [Program.LatencyHandler] : [],
        };
        var ev = new Event { Entity = Entity(), Check = check, Timestamp = now, Sequence = Interlocked.Increment(ref _sequence) };
        return SendAsync(MessageTypes.Event, ev, cancellationToken);
    }

    private Event Keepalive()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var check = new Check
        {
            Metadata = new ObjectMeta { Name = "keepalive", Namespace = options.Namespace },
            Interval = (uint)options.KeepaliveInterval,
            Timeout = (uint)options.KeepaliveTimeout,
            Executed = now,
            Issued = now,
        };
        return new Event
        {
            Id = Guid.NewGuid().ToString(),
            Entity = Entity(),
            Check = check,
            Timestamp = now,
            Sequence = Interlocked.Increment(ref _sequence),
        };
    }

    private Entity Entity() => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = options.Namespace },
        EntityClass = "agent",
        Subscriptions = ["load", "entity:" + name],
        System = new EntitySystem { Hostname = name, Os = "linux", Platform = "load", Arch = "amd64" },
        LastSeen = time.GetUtcNow().ToUnixTimeSeconds(),
        SensuAgentVersion = "load",
    };

    private async Task SendAsync(string type, Event ev, CancellationToken cancellationToken)
    {
        var connection = _connection ?? throw new InvalidOperationException(name + " is not connected");
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event);
            await connection.SendAsync(new TransportMessage(type, payload), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed = true;
        }
    }

    private async Task KeepaliveLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.KeepaliveInterval), time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                await SendAsync(MessageTypes.Keepalive, Keepalive(), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Run over.
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _connection!.ReceiveAsync(cancellationToken).ConfigureAwait(false) is not null)
            {
                // Check requests are not executed by simulated agents.
            }
            Failed = true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Run over.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failed = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _connection.CloseAsync("load run over", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Closing is best effort at the end of a run.
        }
        await _connection.DisposeAsync().ConfigureAwait(false);
        foreach (var loop in new[] { _keepalives, _reader })
        {
            if (loop is not null)
                await loop.ConfigureAwait(false);
        }
    }
}
