using System.Collections.Frozen;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.Backend.Agentd;

/// <summary>
/// One connected agent: a receive loop handing messages to <see cref="AgentMessageHandler"/> and a send loop
/// draining a bounded outbox with a write timeout. <see cref="RunAsync"/> returns once both loops ended.
/// </summary>
public sealed class AgentSession : IAsyncDisposable
{
    private readonly WebSocketTransport transport;
    private readonly AgentMessageHandler handler;
    private readonly AgentdSettings settings;
    private readonly AgentdMetrics metrics;
    private readonly ILogger logger;
    private readonly Channel<TransportMessage> outbox;
    private readonly CancellationTokenSource closing = new();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RateLimiter? eventLimiter;
    private FrozenSet<string> topics;
    private byte[]? lastEntityConfig;
    private string closeReason = "connection closed by the agent";
    private WebSocketCloseStatus closeStatus = WebSocketCloseStatus.NormalClosure;
    private int consecutiveRefusals;

    internal AgentSession(AgentIdentity identity, WebSocketTransport transport, AgentMessageHandler handler, AgentdSettings settings, AgentdMetrics metrics, ILogger logger)
    {
        Identity = identity;
        this.transport = transport;
        this.handler = handler;
        this.settings = settings;
        this.metrics = metrics;
        this.logger = logger;
        outbox = Channel.CreateBounded<TransportMessage>(new BoundedChannelOptions(settings.SendQueueCapacity) { SingleReader = true });
        topics = Topics(identity.AgentName, identity.Subscriptions);
        if (settings.EventRateLimit > 0)
        {
            eventLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.EventBurstLimit > 0 ? settings.EventBurstLimit : settings.EventRateLimit,
                TokensPerPeriod = settings.EventRateLimit,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
    }

    public AgentIdentity Identity { get; }

    public string AgentName => Identity.AgentName;

    public string Namespace => Identity.Namespace;

    /// <summary>Whether a check request for <paramref name="topic"/> reaches this agent.</summary>
    public bool IsSubscribed(string topic) => Volatile.Read(ref topics).Contains(topic);

    /// <summary>The topics (subscriptions and <c>entity:NAME</c>) whose check requests reach this agent now.</summary>
    public IReadOnlyCollection<string> CurrentTopics => Volatile.Read(ref topics);

    /// <summary>
    /// Sends the agent its entity's configuration (an <c>entity_config</c> message) unless it is the one sent last,
    /// and from now on delivers the check requests of the configuration's subscriptions. False when the outbox
    /// refused it (the next change sends it again).
    /// </summary>
    public bool SendEntityConfig(EntityConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var payload = JsonSerializer.SerializeToUtf8Bytes(config, SensuJsonContext.Default.EntityConfig);
        lock (outbox)
        {
            if (lastEntityConfig is not null && lastEntityConfig.AsSpan().SequenceEqual(payload))
                return true;
            Volatile.Write(ref topics, Topics(AgentName, config.Subscriptions));
            if (!TryEnqueue(new TransportMessage(MessageTypes.EntityConfig, payload)))
                return false;
            lastEntityConfig = payload;
            return true;
        }
    }

    private static FrozenSet<string> Topics(string agentName, IEnumerable<string> subscriptions) =>
        subscriptions.Append(Entity.EntitySubscription(agentName)).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Queues a message for the agent; false when the outbox is full or the session is closing.</summary>
    public bool TryEnqueue(TransportMessage message)
    {
        if (outbox.Writer.TryWrite(message))
            return true;
        if (!closing.IsCancellationRequested)
            Log.SendQueueFull(logger, AgentName, message.Type);
        return false;
    }

    /// <summary>Ends the session with a reason (a newer connection of the same agent, a violation, shutdown).</summary>
    public void Close(string reason, WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure)
    {
        lock (closing)
        {
            if (closing.IsCancellationRequested)
                return;
            closeReason = reason;
            closeStatus = status;
            closing.Cancel();
            closed.TrySetResult();
        }
    }

    /// <summary>
    /// Runs until the agent leaves or <see cref="Close"/> is called: then the send loop stops, a close frame with
    /// the reason is sent and the receive loop gets two seconds to see the agent's answer before the socket is aborted.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var stopRegistration = stoppingToken.Register(() => Close("backend stopping", WebSocketCloseStatus.EndpointUnavailable));
        using var receiveAbort = new CancellationTokenSource();
        var sender = SendLoopAsync(closing.Token);
        var receiver = ReceiveLoopAsync(receiveAbort.Token);
        await Task.WhenAny(receiver, closed.Task);
        Close(closeReason, closeStatus);
        outbox.Writer.TryComplete();
        await sender;
        using (var closeDeadline = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
            await transport.CloseAsync(closeStatus, closeReason, closeDeadline.Token);
        receiveAbort.CancelAfter(TimeSpan.FromSeconds(2));
        await receiver;
        Log.SessionClosed(logger, AgentName, Namespace, closeReason);
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TransportMessage? received;
            try
            {
                received = await transport.ReceiveAsync(cancellationToken);
            }
            catch (TransportFrameException ex) when (ex.ConnectionClosed)
            {
                metrics.Refused("oversized_frame");
                Log.OversizedFrame(logger, AgentName, ex.Message);
                Close(ex.Message, WebSocketCloseStatus.MessageTooBig);
                continue;
            }
            catch (TransportFrameException ex)
            {
                metrics.Refused("malformed_frame");
                Log.MalformedFrame(logger, AgentName, ex.Message);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (WebSocketException ex)
            {
                Close("connection lost: " + ex.Message, WebSocketCloseStatus.EndpointUnavailable);
                return;
            }
            if (received is not { } message)
            {
                Close(PeerClosedReason(), WebSocketCloseStatus.NormalClosure);
                return;
            }
            if (closing.IsCancellationRequested)
                continue;
            metrics.Received(message.Type);
            await HandleAsync(message, cancellationToken);
        }
    }

    /// <summary>Why the agent's side ended: its close frame and reason, or a connection that dropped without one.</summary>
    private string PeerClosedReason() =>
        transport.CloseStatus is null
            ? "connection lost: the agent's connection ended without a close frame"
            : string.IsNullOrWhiteSpace(transport.CloseStatusDescription)
                ? "connection closed by the agent"
                : "connection closed by the agent: " + transport.CloseStatusDescription;

    private async Task HandleAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        if (message.Type == MessageTypes.Event && eventLimiter is not null)
        {
            using var lease = eventLimiter.AttemptAcquire();
            if (!lease.IsAcquired)
            {
                metrics.Refused("rate_limited");
                Log.RateLimited(logger, AgentName);
                if (++consecutiveRefusals >= settings.RefusalsBeforeClose)
                    Close("event rate limit exceeded " + consecutiveRefusals + " times in a row", WebSocketCloseStatus.PolicyViolation);
                return;
            }
            consecutiveRefusals = 0;
        }
        try
        {
            await handler.HandleAsync(this, message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(cancellationToken))
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                deadline.CancelAfter(settings.WriteTimeout);
                try
                {
                    await transport.SendAsync(message, deadline.Token);
                    metrics.Sent(message.Type);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    Log.WriteTimeout(logger, AgentName, (int)settings.WriteTimeout.TotalSeconds);
                    Close("write timeout", WebSocketCloseStatus.PolicyViolation);
                    transport.Abort();
                    return;
                }
                catch (WebSocketException ex)
                {
                    Close("connection lost: " + ex.Message, WebSocketCloseStatus.EndpointUnavailable);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        eventLimiter?.Dispose();
        closing.Dispose();
        await transport.DisposeAsync();
    }
}
