namespace Sensu.Transport;

/// <summary>
/// One open agent↔backend WebSocket, either side. Sends are serialised by the implementation;
/// <see cref="ReceiveAsync"/> returns null when the peer closed the connection.
/// </summary>
public interface ITransportConnection : IAsyncDisposable
{
    ValueTask SendAsync(TransportMessage message, CancellationToken cancellationToken);

    ValueTask<TransportMessage?> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes with a normal closure status and a reason.</summary>
    Task CloseAsync(string reason, CancellationToken cancellationToken);
}
