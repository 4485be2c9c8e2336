using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Checks;
using Sensu.Agent.Configuration;
using Sensu.Agent.Entity;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.Agent.Connection;

/// <summary>
/// The agent's session loop (core-spec §4.2, §6.1): connect to a backend URL (the next one after a failure), send a
/// keepalive at once and every <c>keepalive-interval</c>, send queued events, dispatch check requests; reconnect with
/// Sensu's backoff. On stop the connection is closed cleanly and every loop is awaited.
/// </summary>
internal sealed class AgentConnectionService(
    AgentOptions options,
    AgentEntityProvider entity,
    AgentEventFactory events,
    EventQueue queue,
    CheckDispatcher dispatcher,
    ConnectionState state,
    TimeProvider time,
    ILogger<AgentConnectionService> logger) : BackgroundService
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = new ReconnectBackoff(options.RetryMin, options.RetryMax, options.RetryMultiplier);
        var urls = options.BackendUrls;
        var index = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var url = urls[index % urls.Count];
            ITransportConnection connection;
            try
            {
                var connect = ConnectOptionsFactory.Create(options, entity.Snapshot().Subscriptions);
                connection = await AgentConnector.ConnectAsync(new Uri(url), connect, stoppingToken);
            }
            catch (TransportHandshakeException ex)
            {
                var delay = backoff.Next(ex.TooManyRequests);
                Log.ConnectFailed(logger, url, ex.StatusCode, ex.Message, delay);
                index++;
                await DelayAsync(delay, stoppingToken);
                continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            backoff.Reset();
            state.SetConnected(url);
            Log.Connected(logger, url);
            string reason;
            await using (connection)
            {
                reason = await RunSessionAsync(connection, stoppingToken);
            }
            state.SetConnected(null);
            if (stoppingToken.IsCancellationRequested)
                break;
            var wait = backoff.Next(tooManyRequests: false);
            Log.Disconnected(logger, url, reason, wait);
            index++;
            await DelayAsync(wait, stoppingToken);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Runs the send and receive loops until the connection ends or the agent stops; returns why it ended.</summary>
    private async Task<string> RunSessionAsync(ITransportConnection connection, CancellationToken stoppingToken)
    {
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var receive = ReceiveLoopAsync(connection, session.Token);
        var keepalives = KeepaliveLoopAsync(connection, session.Token);
        var send = SendLoopAsync(connection, session.Token);
        var first = await Task.WhenAny(receive, keepalives, send);
        await session.CancelAsync();
        var reason = "closed by the backend";
        try
        {
            await Task.WhenAll(receive, keepalives, send);
        }
        catch (OperationCanceledException)
        {
            reason = "stopping";
        }
        catch (Exception ex) when (ex is System.Net.WebSockets.WebSocketException or IOException or TransportFrameException)
        {
            reason = ex.Message;
        }
        if (first.IsFaulted && first.Exception?.InnerException is { } cause)
            reason = cause.Message;
        if (stoppingToken.IsCancellationRequested)
        {
            Log.Closing(logger);
            using var close = new CancellationTokenSource(CloseTimeout, time);
            try
            {
                await connection.CloseAsync("agent stopping", close.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Net.WebSockets.WebSocketException or IOException)
            {
                // The backend went away first; nothing more to close.
            }
        }
        return reason;
    }

    private async Task ReceiveLoopAsync(ITransportConnection connection, CancellationToken cancellationToken)
    {
        while (await connection.ReceiveAsync(cancellationToken) is { } message)
        {
            switch (message.Type)
            {
                case MessageTypes.CheckRequest:
                    CheckRequest? request;
                    try
                    {
                        request = JsonSerializer.Deserialize(message.Payload.Span, SensuJsonContext.Default.CheckRequest);
                    }
                    catch (JsonException ex)
                    {
                        Log.BadMessage(logger, ex, message.Type);
                        continue;
                    }
                    if (request is not null)
                        dispatcher.Dispatch(request);
                    break;
                case MessageTypes.EntityConfig:
                    ApplyEntityConfig(message);
                    break;
                default:
                    Log.UnknownMessage(logger, message.Type);
                    break;
            }
        }
    }

    /// <summary>
    /// Sensu 6's backend-managed entities: the backend's configuration of this agent's entity (subscriptions, labels,
    /// annotations, deregistration, keepalive handlers, redaction) replaces the agent's own, and is what its next
    /// keepalives and events carry. An agent started with <c>--agent-managed-entity</c> owns its entity and ignores it.
    /// </summary>
    private void ApplyEntityConfig(TransportMessage message)
    {
        if (options.AgentManagedEntity)
        {
            Log.EntityConfigIgnored(logger);
            return;
        }
        EntityConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(message.Payload.Span, SensuJsonContext.Default.EntityConfig);
        }
        catch (JsonException ex)
        {
            Log.BadMessage(logger, ex, message.Type);
            return;
        }
        if (config is null || (config.Metadata.Name is { Length: > 0 } name && name != entity.Name))
            return;
        entity.Apply(config);
        Log.EntityConfigApplied(logger, string.Join(',', config.Subscriptions));
    }

    private async Task KeepaliveLoopAsync(ITransportConnection connection, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.KeepaliveInterval), time);
        do
        {
            await SendEventAsync(connection, MessageTypes.Keepalive, events.Keepalive(), cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task SendLoopAsync(ITransportConnection connection, CancellationToken cancellationToken)
    {
        while (await queue.Reader.WaitToReadAsync(cancellationToken))
        {
            while (queue.Reader.TryRead(out var ev))
            {
                try
                {
                    await SendEventAsync(connection, MessageTypes.Event, ev, cancellationToken);
                }
                catch
                {
                    queue.Publish(ev);
                    throw;
                }
            }
        }
    }

    private async Task SendEventAsync(ITransportConnection connection, string type, Event ev, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event);
        await connection.SendAsync(new TransportMessage(type, payload), cancellationToken);
        Log.Sent(logger, type);
    }
}
