using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// A <c>tcp</c> handler (core-spec §5.5): connects to <c>socket.host:port</c>, writes the mutated bytes once and
/// closes, all within <c>timeout</c> (0 → 60 s). A refused connection, an unknown host or the timeout is an error
/// naming the handler, the address and the cause (<see cref="SocketHandler"/>).
/// <para>
/// The socket is made for the address family of the peer (an IP literal is used as is; a name is resolved and each
/// of its addresses tried in turn), not as the dual-stack IPv6 socket <see cref="TcpClient"/> makes, which costs
/// four more system calls per delivery; one connection per event makes those count.
/// </para>
/// </summary>
public sealed class TcpHandler(ILogger<TcpHandler> logger) : SocketHandler(logger)
{
    public override string Type => Handler.TcpType;

    protected override string Verb => "deliver";

    protected override async ValueTask<int> SendAsync(string host, int port, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var length = body.Length;
        using var connection = await ConnectAsync(host, port, cancellationToken);
        while (!body.IsEmpty)
        {
            var sent = await connection.SendAsync(body, SocketFlags.None, cancellationToken);
            body = body[sent..];
        }
        return length;
    }

    private static async Task<Socket> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
            return await ConnectAsync(new IPEndPoint(literal, port), cancellationToken);
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            try
            {
                return await ConnectAsync(new IPEndPoint(address, port), cancellationToken);
            }
            catch (SocketException ex)
            {
                last = ex;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static async Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var connection = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await connection.ConnectAsync(endpoint, cancellationToken);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
