using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Agentd;

/// <summary>Agentd log messages, event ids 2000–2999.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "agent listener started on {Address}")]
    public static partial void ListenerStarted(ILogger logger, string address);

    [LoggerMessage(2001, LogLevel.Information, "agent {Agent} connected to namespace {Namespace} as user {User} ({Auth})")]
    public static partial void SessionOpened(ILogger logger, string agent, string @namespace, string user, string auth);

    [LoggerMessage(2002, LogLevel.Information, "agent {Agent} session in namespace {Namespace} closed: {Reason}")]
    public static partial void SessionClosed(ILogger logger, string agent, string @namespace, string reason);

    [LoggerMessage(2003, LogLevel.Warning, "agent handshake refused ({Status}): {Reason}; agent {Agent}, namespace {Namespace}")]
    public static partial void HandshakeRefused(ILogger logger, int status, string reason, string agent, string @namespace);

    [LoggerMessage(2004, LogLevel.Warning, "agent {Agent} sent a malformed frame: {Reason}")]
    public static partial void MalformedFrame(ILogger logger, string agent, string reason);

    [LoggerMessage(2005, LogLevel.Warning, "agent {Agent} sent an oversized frame; session closed: {Reason}")]
    public static partial void OversizedFrame(ILogger logger, string agent, string reason);

    [LoggerMessage(2006, LogLevel.Warning, "agent {Agent} {MessageType} message refused: {Reason}")]
    public static partial void MessageRefused(ILogger logger, string agent, string messageType, string reason);

    [LoggerMessage(2007, LogLevel.Warning, "agent {Agent} exceeded its event rate limit; event refused")]
    public static partial void RateLimited(ILogger logger, string agent);

    [LoggerMessage(2008, LogLevel.Warning, "agent {Agent} did not read a message within {Seconds} s; session closed")]
    public static partial void WriteTimeout(ILogger logger, string agent, int seconds);

    [LoggerMessage(2009, LogLevel.Warning, "send queue of agent {Agent} is full; {MessageType} message dropped")]
    public static partial void SendQueueFull(ILogger logger, string agent, string messageType);

    [LoggerMessage(2010, LogLevel.Warning, "secrets will not be transmitted to agents without mutual TLS authentication (mTLS)")]
    public static partial void SecretsNotTransmitted(ILogger logger);

    [LoggerMessage(2012, LogLevel.Error, "agent {Agent} {MessageType} message failed")]
    public static partial void MessageFailed(ILogger logger, Exception exception, string agent, string messageType);

    [LoggerMessage(2013, LogLevel.Warning, "agent-auth-crl-urls is set but certificate revocation lists are not supported; ignored")]
    public static partial void CrlUnsupported(ILogger logger);

    [LoggerMessage(2014, LogLevel.Warning, "agent client certificate refused: {Reason}")]
    public static partial void ClientCertificateRefused(ILogger logger, string reason);

    [LoggerMessage(2015, LogLevel.Debug, "agent {Agent} unknown message type {MessageType} ignored")]
    public static partial void UnknownMessageType(ILogger logger, string agent, string messageType);

    [LoggerMessage(2016, LogLevel.Warning, "entity configuration for agent {Agent} could not be read")]
    public static partial void EntityConfigUnavailable(ILogger logger, Exception exception, string agent);

    [LoggerMessage(2017, LogLevel.Warning, "entity change feed fell behind; sending every connected agent its configuration again")]
    public static partial void EntityConfigFeedLagged(ILogger logger, Exception exception);

    [LoggerMessage(2018, LogLevel.Warning, "entity configuration for agent {Agent} not sent: its send queue is full")]
    public static partial void EntityConfigNotQueued(ILogger logger, string agent);

    [LoggerMessage(2019, LogLevel.Warning, "check request from {Origin} dropped: fencing token {Token} is older than {Newest}")]
    public static partial void Fenced(ILogger logger, string origin, long token, long newest);

    [LoggerMessage(2020, LogLevel.Error, "could not deliver a check request from backend {Origin}")]
    public static partial void DeliveryFailed(ILogger logger, string origin, Exception exception);

    [LoggerMessage(2021, LogLevel.Warning, "the cluster dispatch feed fell behind; check requests may have been missed")]
    public static partial void DispatchLagged(ILogger logger, Exception exception);

    [LoggerMessage(2022, LogLevel.Error, "could not dispatch a check request to the other backends")]
    public static partial void DispatchFailed(ILogger logger, Exception exception);
}
