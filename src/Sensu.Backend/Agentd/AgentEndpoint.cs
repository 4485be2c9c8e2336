using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Transport;

namespace Sensu.Backend.Agentd;

/// <summary>
/// Everything the agent port answers: the WebSocket upgrade at <c>/</c> after <see cref="AgentHandshake"/>,
/// then the session until it ends; any other request gets 404.
/// </summary>
public sealed class AgentEndpoint(
    AgentHandshake handshake,
    AgentSessions sessions,
    AgentMessageHandler handler,
    EntityConfigPublisher entityConfigs,
    AgentdSettings settings,
    AgentdMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger("Sensu.Backend.Agentd.AgentSession");

    public async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "a WebSocket upgrade is expected");
            return;
        }

        var outcome = await handshake.DecideAsync(context, context.RequestAborted);
        if (outcome.Identity is not { } identity)
        {
            metrics.Refused("handshake_" + outcome.Status);
            Log.HandshakeRefused(logger, outcome.Status, outcome.Message,
                context.Request.Headers[HandshakeHeaders.AgentName].ToString(), context.Request.Headers[HandshakeHeaders.Namespace].ToString());
            await RefuseAsync(context, outcome.Status, outcome.Message);
            return;
        }

        context.Response.Headers[HandshakeHeaders.BackendId] = AgentHandshake.BackendId;
        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            KeepAliveInterval = settings.HeartbeatInterval,
            KeepAliveTimeout = settings.HeartbeatTimeout,
        });

        var transport = new WebSocketTransport(socket, settings.MaxMessageSize);
        var session = new AgentSession(identity, transport, handler, settings, metrics, logger);
        await using (session)
        {
            sessions.Add(session);
            Log.SessionOpened(logger, identity.AgentName, identity.Namespace, identity.User, identity.CertificateAuthenticated ? "client certificate" : "password");
            try
            {
                using var stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping, context.RequestAborted);
                // Queued before the session runs, so it is the first message the agent receives.
                await entityConfigs.SendCurrentAsync(session, stopping.Token);
                // Only the backend's stop is "backend stopping": a connection that drops or closes ends the session's
                // receive loop, which records the agent's reason (its close frame) or the connection lost.
                await session.RunAsync(lifetime.ApplicationStopping);
            }
            finally
            {
                sessions.Remove(session);
            }
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, context.RequestAborted);
    }
}
