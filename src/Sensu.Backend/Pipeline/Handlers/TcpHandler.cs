using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// A <c>tcp</c> handler (core-spec §5.5): connects to <c>socket.host:port</c>, writes the mutated bytes once and
/// closes, all within <c>timeout</c> (0 → 60 s). A refused connection, an unknown host or the timeout is an error
/// naming the handler, the address and the cause.
/// </summary>
public sealed class TcpHandler(ILogger<TcpHandler> logger) : IHandlerKind
{
    public string Type => Handler.TcpType;

    public async Task<HandlerOutcome> RunAsync(Handler handler, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var socket = handler.Socket ?? throw new PipelineStageException($"handler {handler.Metadata.Name} has no socket");
        var address = $"{socket.Host}:{socket.Port}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(handler.EffectiveTimeout));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(socket.Host, (int)socket.Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync(body, timeout.Token).ConfigureAwait(false);
            await stream.FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PipelineStageException($"tcp handler {handler.Metadata.Name}: no delivery to {address} within {handler.EffectiveTimeout}s");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw new PipelineStageException($"tcp handler {handler.Metadata.Name}: cannot deliver to {address}: {ex.Message}", ex);
        }
        Log.SocketHandlerSent(logger, Type, handler.Metadata.Name ?? "", address, body.Length);
        return HandlerOutcome.Ok;
    }
}
