using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// A <c>udp</c> handler (core-spec §5.5): sends the mutated bytes as one datagram to <c>socket.host:port</c> within
/// <c>timeout</c> (0 → 60 s). A datagram that cannot be sent (unknown host, too large) is an error naming the handler,
/// the address and the cause (<see cref="SocketHandler"/>).
/// </summary>
public sealed class UdpHandler(ILogger<UdpHandler> logger) : SocketHandler(logger)
{
    public override string Type => Handler.UdpType;

    protected override string Verb => "send";

    protected override async ValueTask<int> SendAsync(string host, int port, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        using var client = new UdpClient();
        return await client.SendAsync(body, host, port, cancellationToken);
    }
}
