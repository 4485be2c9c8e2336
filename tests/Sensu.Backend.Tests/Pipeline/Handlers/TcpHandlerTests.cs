using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline.Handlers;

/// <summary>One connection per event to an IP literal or a name (each resolved address tried), precise errors otherwise.</summary>
public sealed class TcpHandlerTests
{
    private static readonly Event Event = new() { Entity = new Entity { Metadata = new ObjectMeta { Name = "web-1" } } };

    private static Handler To(string host, int port, uint timeout = 5) => new()
    {
        Metadata = new ObjectMeta { Name = "relay", Namespace = "default" },
        Type = Handler.TcpType,
        Socket = new HandlerSocket { Host = host, Port = (uint)port },
        Timeout = timeout,
    };

    private static async Task WaitForAsync(TcpSink sink, int count)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (sink.Payloads.Count < count)
        {
            Assert.True(Environment.TickCount64 < deadline, $"{sink.Payloads.Count} of {count} payloads arrived");
            await Task.Delay(10);
        }
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task Each_event_is_written_whole_on_its_own_connection(string host)
    {
        await using var sink = new TcpSink();
        var handler = new TcpHandler(NullLogger<TcpHandler>.Instance);
        var big = Encoding.UTF8.GetBytes(new string('x', 300_000));

        Assert.Equal(HandlerOutcome.Ok, await handler.RunAsync(To(host, sink.Port), Event, Encoding.UTF8.GetBytes("{\"one\":1}"), CancellationToken.None));
        Assert.Equal(HandlerOutcome.Ok, await handler.RunAsync(To(host, sink.Port), Event, big, CancellationToken.None));

        await WaitForAsync(sink, 2);
        Assert.Contains("{\"one\":1}", sink.Payloads);
        Assert.Contains(sink.Payloads, p => p.Length == big.Length);
    }

    [Fact]
    public async Task A_closed_port_is_an_error_naming_the_handler_and_the_address()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var handler = new TcpHandler(NullLogger<TcpHandler>.Instance);

        var ex = await Assert.ThrowsAsync<PipelineStageException>(() => handler.RunAsync(To("127.0.0.1", port), Event, new byte[] { 1 }, CancellationToken.None));

        Assert.StartsWith($"tcp handler relay: cannot deliver to 127.0.0.1:{port}:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_is_an_error_naming_it()
    {
        var handler = new TcpHandler(NullLogger<TcpHandler>.Instance);

        var ex = await Assert.ThrowsAsync<PipelineStageException>(() => handler.RunAsync(To("no-such-host.invalid", 9, timeout: 5), Event, new byte[] { 1 }, CancellationToken.None));

        // A resolver that cannot answer in time gives the timeout error instead; both name the handler and the address.
        Assert.Matches("^tcp handler relay: (cannot deliver to no-such-host.invalid:9: |no delivery to no-such-host.invalid:9 within 5s)", ex.Message);
    }
}
