using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipeline.Handlers;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline.Handlers;

/// <summary>The <c>udp</c> handler: one datagram per event; errors name the handler and the address.</summary>
public sealed class UdpHandlerTests
{
    private static readonly Event Event = new() { Entity = new Entity { Metadata = new ObjectMeta { Name = "web-1" } } };

    private static Handler To(string host, int port) => new()
    {
        Metadata = new ObjectMeta { Name = "relay", Namespace = "default" },
        Type = Handler.UdpType,
        Socket = new HandlerSocket { Host = host, Port = (uint)port },
        Timeout = 5,
    };

    [Fact]
    public async Task The_body_arrives_as_one_datagram()
    {
        await using var sink = new UdpSink();
        var handler = new UdpHandler(NullLogger<UdpHandler>.Instance);

        Assert.Equal(HandlerOutcome.Ok, await handler.RunAsync(To("127.0.0.1", sink.Port), Event, Encoding.UTF8.GetBytes("{\"one\":1}"), CancellationToken.None));

        var deadline = Environment.TickCount64 + 10_000;
        while (sink.Payloads.IsEmpty)
        {
            Assert.True(Environment.TickCount64 < deadline, "no datagram arrived");
            await Task.Delay(10);
        }
        Assert.Equal("{\"one\":1}", Assert.Single(sink.Payloads));
    }

    [Fact]
    public async Task A_handler_without_a_socket_is_an_error_naming_it()
    {
        var handler = new UdpHandler(NullLogger<UdpHandler>.Instance);
        var noSocket = new Handler { Metadata = new ObjectMeta { Name = "relay" }, Type = Handler.UdpType };

        var ex = await Assert.ThrowsAsync<PipelineStageException>(() => handler.RunAsync(noSocket, Event, new byte[] { 1 }, CancellationToken.None));

        Assert.Equal("handler relay has no socket", ex.Message);
    }
}
