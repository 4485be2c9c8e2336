using System.Buffers;
using System.Net.WebSockets;

namespace Sensu.Transport;

/// <summary>
/// <see cref="ITransportConnection"/> over a <see cref="WebSocket"/>: sends are serialised, fragmented messages are
/// reassembled up to <see cref="MaxMessageSize"/>; a larger one closes the socket with
/// <see cref="WebSocketCloseStatus.MessageTooBig"/>. Bad frames surface as <see cref="TransportFrameException"/>.
/// </summary>
public sealed class WebSocketTransport : ITransportConnection
{
    /// <summary>Default largest message accepted: etcd's default request limit in Sensu (1.5 MiB).</summary>
    public const int DefaultMaxMessageSize = 1_572_864;

    private const int ReceiveChunk = 16 * 1024;

    private readonly WebSocket socket;
    private readonly IDisposable? owner;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly SemaphoreSlim receiveLock = new(1, 1);
    private int disposed;

    public WebSocketTransport(WebSocket socket, int maxMessageSize = DefaultMaxMessageSize, IDisposable? owner = null)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageSize, 2);
        this.socket = socket;
        this.owner = owner;
        MaxMessageSize = maxMessageSize;
    }

    public int MaxMessageSize { get; }

    public WebSocketState State => socket.State;

    /// <summary>The close status the peer (or this side) gave, once closed.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseStatusDescription => socket.CloseStatusDescription;

    public async ValueTask SendAsync(TransportMessage message, CancellationToken cancellationToken)
    {
        var frame = FrameCodec.Encode(message);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    public async ValueTask<TransportMessage?> ReceiveAsync(CancellationToken cancellationToken)
    {
        await receiveLock.WaitAsync(cancellationToken);
        try
        {
            var frame = await ReceiveFrameAsync(cancellationToken);
            if (frame is null)
            {
                return null;
            }
            if (!FrameCodec.TryDecode(frame, out var message, out var error))
            {
                throw new TransportFrameException(error!, connectionClosed: false);
            }
            return message;
        }
        finally
        {
            receiveLock.Release();
        }
    }

    private async ValueTask<byte[]?> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveChunk);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxMessageSize + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                }
                catch (WebSocketException) when (socket.State is WebSocketState.Aborted or WebSocketState.Closed)
                {
                    return null;
                }
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                    {
                        await CloseQuietlyAsync(WebSocketCloseStatus.NormalClosure, "closing", cancellationToken);
                    }
                    return null;
                }
                length += result.Count;
                if (length > MaxMessageSize)
                {
                    await CloseQuietlyAsync(WebSocketCloseStatus.MessageTooBig, "message too big", cancellationToken);
                    throw new TransportFrameException(
                        "message larger than " + MaxMessageSize + " bytes; connection closed", connectionClosed: true);
                }
                if (result.EndOfMessage)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task CloseAsync(string reason, CancellationToken cancellationToken) =>
        await CloseAsync(WebSocketCloseStatus.NormalClosure, reason, cancellationToken);

    /// <summary>Closes with a given status; never throws for a socket already gone.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken) =>
        await CloseQuietlyAsync(status, reason, cancellationToken);

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status, string reason, CancellationToken cancellationToken)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        // Close frame reasons are limited to 123 bytes.
        var text = reason.Length > 120 ? reason[..120] : reason;
        try
        {
            await sendLock.WaitAsync(cancellationToken);
            try
            {
                await socket.CloseOutputAsync(status, text, cancellationToken);
            }
            finally
            {
                sendLock.Release();
            }
        }
        catch (WebSocketException)
        {
            socket.Abort();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Drops the connection without a close handshake.</summary>
    public void Abort() => socket.Abort();

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return ValueTask.CompletedTask;
        }
        socket.Dispose();
        owner?.Dispose();
        return ValueTask.CompletedTask;
    }
}
