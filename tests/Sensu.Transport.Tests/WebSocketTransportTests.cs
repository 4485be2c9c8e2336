using System.Net.WebSockets;
using System.Text;

namespace Sensu.Transport.Tests;

public class WebSocketTransportTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Messages_cross_in_both_directions()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var pair = await LoopbackPair.CreateAsync(cts.Token);
        await using var server = new WebSocketTransport(pair.Server);
        await using var client = new WebSocketTransport(pair.Client);

        await client.SendAsync(Message(MessageTypes.Keepalive, "{\"timestamp\":1}"), cts.Token);
        var received = await server.ReceiveAsync(cts.Token);
        await server.SendAsync(Message(MessageTypes.CheckRequest, "{}"), cts.Token);
        var answered = await client.ReceiveAsync(cts.Token);

        Assert.Equal(MessageTypes.Keepalive, received!.Value.Type);
        Assert.Equal("{\"timestamp\":1}", Encoding.UTF8.GetString(received.Value.Payload.Span));
        Assert.Equal(MessageTypes.CheckRequest, answered!.Value.Type);
    }

    [Fact]
    public async Task Fragmented_messages_are_reassembled()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var pair = await LoopbackPair.CreateAsync(cts.Token);
        await using var server = new WebSocketTransport(pair.Server);

        var payload = new string('x', 100_000);
        var frame = Encoding.UTF8.GetBytes("event\n" + payload);
        for (var offset = 0; offset < frame.Length; offset += 7000)
        {
            var count = Math.Min(7000, frame.Length - offset);
            await pair.Client.SendAsync(frame.AsMemory(offset, count), WebSocketMessageType.Binary, offset + count == frame.Length, cts.Token);
        }

        var received = await server.ReceiveAsync(cts.Token);
        Assert.Equal(payload.Length, received!.Value.Payload.Length);
    }

    [Fact]
    public async Task Concurrent_sends_are_serialised()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var pair = await LoopbackPair.CreateAsync(cts.Token);
        await using var server = new WebSocketTransport(pair.Server);
        await using var client = new WebSocketTransport(pair.Client);

        var sends = Enumerable.Range(0, 50).Select(i => client.SendAsync(Message(MessageTypes.Event, "{\"n\":" + i + "}"), cts.Token).AsTask());
        var receiving = Task.Run(async () =>
        {
            var seen = new List<string>();
            for (var i = 0; i < 50; i++)
                seen.Add(Encoding.UTF8.GetString((await server.ReceiveAsync(cts.Token))!.Value.Payload.Span));
            return seen;
        });
        await Task.WhenAll(sends);

        var seen = await receiving;
        Assert.Equal(50, seen.Distinct().Count());
    }

    [Fact]
    public async Task Malformed_frame_is_reported_and_the_connection_goes_on()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var pair = await LoopbackPair.CreateAsync(cts.Token);
        await using var server = new WebSocketTransport(pair.Server);
        await using var client = new WebSocketTransport(pair.Client);

        await pair.Client.SendAsync(Encoding.UTF8.GetBytes("no type line"), WebSocketMessageType.Text, true, cts.Token);
        await client.SendAsync(Message(MessageTypes.Event, "{}"), cts.Token);

        var error = await Assert.ThrowsAsync<TransportFrameException>(async () => await server.ReceiveAsync(cts.Token));
        Assert.False(error.ConnectionClosed);
        Assert.Equal(MessageTypes.Event, (await server.ReceiveAsync(cts.Token))!.Value.Type);
    }

    [Fact]
    public async Task Oversized_message_closes_with_message_too_big()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var pair = await LoopbackPair.CreateAsync(cts.Token);
        await using var server = new WebSocketTransport(pair.Server, maxMessageSize: 64 * 1024);
        await using var client = new WebSocketTransport(pair.Client);

        var sending = client.SendAsync(Message(MessageTypes.Event, new string('x', 200_000)), cts.Token).AsTask();
        var error = await Assert.ThrowsAsync<TransportFrameException>(async () => await server.ReceiveAsync(cts.Token));
        var end = await client.ReceiveAsync(cts.Token);
        await Task.WhenAny(sending, Task.Delay(TimeSpan.FromSeconds(5), cts.Token));

        Assert.True(error.ConnectionClosed);
        Assert.Null(end);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, client.CloseStatus);
    }

    [Fact]
    public async Task Peer_close_ends_receive_with_null()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var pair = await LoopbackPair.CreateAsync(cts.Token);
        await using var server = new WebSocketTransport(pair.Server);
        await using var client = new WebSocketTransport(pair.Client);

        var receiving = server.ReceiveAsync(cts.Token).AsTask();
        await client.CloseAsync("bye", cts.Token);

        Assert.Null(await receiving);
        Assert.Null(await client.ReceiveAsync(cts.Token));
        Assert.Equal("bye", server.CloseStatusDescription);
    }

    private static TransportMessage Message(string type, string json) => new(type, Encoding.UTF8.GetBytes(json));
}
