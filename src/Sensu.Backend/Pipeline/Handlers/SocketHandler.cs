using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// What the <c>tcp</c> and <c>udp</c> handlers share (core-spec §5.5): the handler's <c>socket</c>, a delivery bounded
/// by <c>timeout</c> (0 → 60 s), errors that name the handler, the address and the cause, and the log line of a
/// delivery. The transport (<see cref="SendAsync"/>) is the subclass's.
/// </summary>
public abstract class SocketHandler(ILogger logger) : IHandlerKind
{
    public abstract string Type { get; }

    /// <summary>What cannot be done when the transport fails (<c>deliver</c>, <c>send</c>), for the error text.</summary>
    protected abstract string Verb { get; }

    /// <summary>Delivers <paramref name="body"/> to <c>host:port</c>; returns the bytes sent.</summary>
    protected abstract ValueTask<int> SendAsync(string host, int port, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    public async Task<HandlerOutcome> RunAsync(Handler handler, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var socket = handler.Socket ?? throw new PipelineStageException($"handler {handler.Metadata.Name} has no socket");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(handler.EffectiveTimeout));
        int sent;
        try
        {
            sent = await SendAsync(socket.Host, (int)socket.Port, body, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PipelineStageException($"{Type} handler {handler.Metadata.Name}: no delivery to {Address(socket)} within {handler.EffectiveTimeout}s");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw new PipelineStageException($"{Type} handler {handler.Metadata.Name}: cannot {Verb} to {Address(socket)}: {ex.Message}", ex);
        }
        if (sent != body.Length)
            throw new PipelineStageException($"{Type} handler {handler.Metadata.Name}: short write to {Address(socket)} ({sent} of {body.Length} bytes)");
        if (logger.IsEnabled(LogLevel.Information))
            Log.SocketHandlerSent(logger, Type, handler.Metadata.Name ?? "", Address(socket), sent);
        return HandlerOutcome.Ok;
    }

    private static string Address(HandlerSocket socket) => $"{socket.Host}:{socket.Port}";
}
