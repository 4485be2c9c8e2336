using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Agentd;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.Backend.Tests.Cluster;

/// <summary>A played agent on one node's agent port: records every check request it receives, sends keepalives on demand.</summary>
internal sealed class TestAgent : IAsyncDisposable
{
    private readonly ITransportConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private TestAgent(string name, string[] subscriptions, ITransportConnection connection)
    {
        Name = name;
        Subscriptions = subscriptions;
        _connection = connection;
        _receiving = Task.Run(() => ReceiveAsync(_stop.Token), CancellationToken.None);
    }

    public string Name { get; }

    public string[] Subscriptions { get; }

    public ConcurrentQueue<CheckRequest> Requests { get; } = new();

    /// <summary>Why the connection ended (null while open).</summary>
    public string? Closed { get; private set; }

    /// <summary>Connects and waits until the node has the session.</summary>
    public static async Task<TestAgent> ConnectAsync(TestBackend node, string name, string[] subscriptions, CancellationToken cancellationToken)
    {
        var options = new AgentConnectOptions
        {
            AgentName = name,
            User = "agent",
            Password = "P@ssw0rd!",
            Subscriptions = subscriptions,
            HandshakeTimeout = TimeSpan.FromSeconds(30),
        };
        var connection = await AgentConnector.ConnectAsync(node.AgentUrl, options, cancellationToken);
        var sessions = node.Services.GetRequiredService<AgentSessions>();
        while (sessions.Find("default", name) is null)
            await Task.Delay(20, cancellationToken);
        return new TestAgent(name, subscriptions, connection);
    }

    public IEnumerable<CheckRequest> RequestsFor(string check) => Requests.Where(r => r.Config.Metadata.Name == check);

    /// <summary>Sends a keepalive stamped now, with a warning timeout of <paramref name="timeoutSeconds"/>.</summary>
    public ValueTask KeepaliveAsync(uint timeoutSeconds, CancellationToken cancellationToken)
    {
        var keepalive = new Event
        {
            Timestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            Entity = new Entity
            {
                Metadata = new ObjectMeta { Name = Name, Namespace = "default" },
                EntityClass = Entity.AgentClass,
                Subscriptions = [.. Subscriptions],
            },
            Check = new Check { Metadata = new ObjectMeta { Name = "keepalive", Namespace = "default" }, Interval = 1, Timeout = timeoutSeconds },
        };
        return _connection.SendAsync(new TransportMessage(MessageTypes.Keepalive, JsonSerializer.SerializeToUtf8Bytes(keepalive, SensuJsonContext.Default.Event)), cancellationToken);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _connection.ReceiveAsync(cancellationToken) is { } message)
            {
                if (message.Type == MessageTypes.CheckRequest && JsonSerializer.Deserialize(message.Payload.Span, SensuJsonContext.Default.CheckRequest) is { } request)
                    Requests.Enqueue(request);
            }
            Closed = _connection is WebSocketTransport ws ? $"{ws.CloseStatus} {ws.CloseStatusDescription}" : "closed";
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            Closed = ex.Message;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
