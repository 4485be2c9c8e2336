using System.Net.WebSockets;

namespace Sensu.Transport;

/// <summary>
/// A received message could not be used: a malformed frame (the connection stays open) or an oversized one
/// (the connection was closed with <see cref="WebSocketCloseStatus.MessageTooBig"/>).
/// </summary>
public sealed class TransportFrameException : Exception
{
    public TransportFrameException(string message, bool connectionClosed)
        : base(message)
    {
        ConnectionClosed = connectionClosed;
    }

    /// <summary>True when the transport closed the connection because of this frame.</summary>
    public bool ConnectionClosed { get; }
}
