using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Agentd;
using Sensu.Backend.Hosting;
using Sensu.Backend.Keepalived;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.Backend.Tests.Agentd;

/// <summary>A real backend with a recorded Keepalived seam, and helpers to play agents against its agent port.</summary>
internal sealed class AgentdHarness : IAsyncDisposable
{
    public const string AgentUser = "agent";
    public const string AgentPassword = "P@ssw0rd!";

    private AgentdHarness(TestBackend backend, RecordingKeepaliveReceiver keepalives)
    {
        Backend = backend;
        Keepalives = keepalives;
    }

    public TestBackend Backend { get; }

    public RecordingKeepaliveReceiver Keepalives { get; }

    public AgentSessions Sessions => Backend.Services.GetRequiredService<AgentSessions>();

    public static async Task<AgentdHarness> StartAsync(Action<BackendOptions>? configure = null, Action<AgentdSettings>? settings = null)
    {
        var keepalives = new RecordingKeepaliveReceiver();
        var backend = await TestBackend.StartAsync(configure, services =>
        {
            services.RemoveAll<IKeepaliveReceiver>();
            services.AddSingleton<IKeepaliveReceiver>(keepalives);
            if (settings is not null)
            {
                var options = services.BuildServiceProvider().GetRequiredService<BackendOptions>();
                var tuned = new AgentdSettings(BackendOptionsBinding.Agentd(options));
                settings(tuned);
                services.RemoveAll<AgentdSettings>();
                services.AddSingleton(tuned);
            }
        });
        return new AgentdHarness(backend, keepalives);
    }

    public static AgentConnectOptions Password(string agent, params string[] subscriptions) => new()
    {
        AgentName = agent,
        User = AgentUser,
        Password = AgentPassword,
        Subscriptions = subscriptions,
        HandshakeTimeout = TimeSpan.FromSeconds(30),
    };

    public static AgentConnectOptions Certificate(string agent, X509Certificate2 client, X509Certificate2 ca, params string[] subscriptions) => new()
    {
        AgentName = agent,
        ClientCertificate = client,
        TrustedCaCertificates = [ca],
        Subscriptions = subscriptions,
        HandshakeTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Connects and waits until the backend has registered the session.</summary>
    public async Task<WebSocketTransport> ConnectAsync(AgentConnectOptions options, CancellationToken cancellationToken)
    {
        var connection = (WebSocketTransport)await AgentConnector.ConnectAsync(Backend.AgentUrl, options, cancellationToken);
        while (Sessions.Find(options.Namespace, options.AgentName) is null)
            await Task.Delay(20, cancellationToken);
        return connection;
    }

    public static Event Keepalive(string agent, params string[] subscriptions) => new()
    {
        Timestamp = 1_700_000_000,
        Entity = new Entity
        {
            Metadata = new ObjectMeta { Name = agent, Namespace = "default" },
            EntityClass = Entity.AgentClass,
            Subscriptions = [.. subscriptions],
        },
        Check = new Check { Metadata = new ObjectMeta { Name = "keepalive", Namespace = "default" }, Interval = 20, Timeout = 120 },
    };

    public static Event CheckResult(string? agent, string check, uint status, string output) => new()
    {
        Timestamp = 1_700_000_000,
        Entity = agent is null ? null : new Entity
        {
            Metadata = new ObjectMeta { Name = agent, Namespace = "default" },
            EntityClass = Entity.AgentClass,
        },
        Check = new Check { Metadata = new ObjectMeta { Name = check }, Interval = 60, Status = status, Output = output },
    };

    public static TransportMessage Encode(string type, Event ev) =>
        new(type, JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event));

    public static CheckRequest? DecodeRequest(TransportMessage? message) =>
        message is { Type: MessageTypes.CheckRequest } m ? JsonSerializer.Deserialize(m.Payload.Span, SensuJsonContext.Default.CheckRequest) : null;

    /// <summary>Polls the API until the event exists, or null after <paramref name="wait"/>.</summary>
    public async Task<Event?> WaitEventAsync(string entity, string check, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var client = await Backend.LoginAsync(cancellationToken: cancellationToken);
        var deadline = TimeProvider.System.GetUtcNow() + wait;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            using var response = await client.GetAsync($"/api/core/v2/namespaces/default/events/{entity}/{check}", cancellationToken);
            if (response.IsSuccessStatusCode)
                return await response.Content.ReadFromJsonAsync(SensuJsonContext.Default.Event, cancellationToken);
            await Task.Delay(50, cancellationToken);
        }
        return null;
    }

    /// <summary>The next message from the backend, or null when the connection ends or nothing comes in time.</summary>
    public static async Task<TransportMessage?> ReceiveAsync(ITransportConnection connection, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            return await connection.ReceiveAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => Backend.DisposeAsync();
}
