using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Agent.Sockets;
using Sensu.Agent.Tests.Support;

namespace Sensu.Agent.Tests.Sockets;

public sealed class SocketServerTests : IAsyncLifetime
{
    private readonly AgentParts _parts = new();
    private SocketServer _server = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _server = new SocketServer(_parts.Options, _parts.Events, _parts.Queue, TimeProvider.System, NullLogger<SocketServer>.Instance);
        await _server.StartAsync(CancellationToken.None);
        _port = await _server.Port.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        await _server.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        _server.Dispose();
        _parts.Dispose();
    }

    private async Task<string> TcpAsync(string payload, bool closeWrite = false)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(payload));
        if (closeWrite)
            client.Client.Shutdown(SocketShutdown.Send);
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    [Fact]
    public async Task Ping_gets_pong() => Assert.Equal("pong", await TcpAsync("ping"));

    [Fact]
    public async Task Invalid_json_gets_invalid() => Assert.Equal("invalid", await TcpAsync("{not json", closeWrite: true));

    [Fact]
    public async Task A_result_without_a_name_is_invalid() => Assert.Equal("invalid", await TcpAsync("""{"output":"x","status":1}"""));

    [Fact]
    public async Task A_1x_result_over_tcp_becomes_an_event()
    {
        Assert.Equal("ok", await TcpAsync("""{"name":"legacy","output":"it broke","status":2,"source":"router-1","handlers":["mail"]}"""));

        var ev = await _parts.Queue.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("legacy", ev.Check!.Metadata.Name);
        Assert.Equal(2u, ev.Check.Status);
        Assert.Equal("it broke", ev.Check.Output);
        Assert.Equal("router-1", ev.Check.ProxyEntityName);
        Assert.Equal(["mail"], ev.Check.Handlers);
        Assert.Equal("agent-under-test", ev.Entity!.Metadata.Name);
    }

    [Fact]
    public async Task A_1x_result_over_udp_becomes_an_event()
    {
        using var udp = new UdpClient();
        await udp.SendAsync(Encoding.UTF8.GetBytes("""{"name":"udp-check","output":"ok","status":0}"""), "127.0.0.1", _port);

        var ev = await _parts.Queue.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("udp-check", ev.Check!.Metadata.Name);
    }
}
