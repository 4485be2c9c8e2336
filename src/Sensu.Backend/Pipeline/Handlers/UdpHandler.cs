using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// A <c>udp</c> handler (core-spec §5.5): sends the mutated bytes as one datagram to <c>socket.host:port</c> within
/// <c>timeout</c> (0 → 60 s). A datagram that cannot be sent (unknown host, too large) is an error naming the handler,
/// the address and the cause.
/// </summary>
public sealed class UdpHandler(ILogger<UdpHandler> logger) : IHandlerKind
{
    public string Type => Handler.UdpType;

    public async Task<HandlerOutcome> RunAsync(Handler handler, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var socket = handler.Socket ?? throw new PipelineStageException($"handler {handler.Metadata.Name} has no socket");
        var address = $"{socket.Host}:{socket.Port}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(handler.EffectiveTimeout));
        int sent;
        try
        {
            using var client = new UdpClient();
            sent = await client.SendAsync(body, socket.Host, (int)socket.Port, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PipelineStageException($"udp handler {handler.Metadata.Name}: no delivery to {address} within {handler.EffectiveTimeout}s");
        }
        catch (SocketException ex)
        {
            throw new PipelineStageException($"udp handler {handler.Metadata.Name}: cannot send to {address}: {ex.Message}", ex);
        }
        if (sent != body.Length)
            throw new PipelineStageException($"udp handler {handler.Metadata.Name}: short write to {address} ({sent} of {body.Length} bytes)");
        Log.SocketHandlerSent(logger, Type, handler.Metadata.Name ?? "", address, sent);
        return HandlerOutcome.Ok;
    }
}
