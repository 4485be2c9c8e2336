using System.Net.WebSockets;
using System.Text;
using Sensu.Transport;

namespace Sensu.Backend.Tests.Agentd;

public class AgentAbuseTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Malformed_frame_is_logged_and_the_session_goes_on()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();
        await using var agent = await harness.ConnectAsync(AgentdHarness.Password("a1"), cts.Token);

        await agent.SendAsync(new TransportMessage(string.Empty, "{}"u8.ToArray()), cts.Token);
        await agent.SendAsync(AgentdHarness.Encode(MessageTypes.Keepalive, AgentdHarness.Keepalive("a1")), cts.Token);

        Assert.NotNull(await harness.Keepalives.NextAsync(Wait, cts.Token));
        Assert.Equal(WebSocketState.Open, agent.State);
    }

    [Fact]
    public async Task Oversized_frame_closes_only_that_session()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();
        await using var bad = await harness.ConnectAsync(AgentdHarness.Password("bad"), cts.Token);
        await using var good = await harness.ConnectAsync(AgentdHarness.Password("good"), cts.Token);

        var huge = new TransportMessage(MessageTypes.Event, Encoding.UTF8.GetBytes(new string('x', WebSocketTransport.DefaultMaxMessageSize + 10)));
        try
        {
            await bad.SendAsync(huge, cts.Token);
        }
        catch (WebSocketException)
        {
            // The backend may close before the whole message is written.
        }
        Assert.Null(await AgentdHarness.ReceiveAsync(bad, Wait, cts.Token));
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, bad.CloseStatus);

        await good.SendAsync(AgentdHarness.Encode(MessageTypes.Keepalive, AgentdHarness.Keepalive("good")), cts.Token);
        Assert.Equal("good", (await harness.Keepalives.NextAsync(Wait, cts.Token))!.Entity!.Metadata.Name);
        while (harness.Sessions.Find("default", "bad") is not null)
            await Task.Delay(20, cts.Token);
    }

    [Fact]
    public async Task Event_flood_beyond_the_burst_is_refused_then_the_session_is_closed()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync(o =>
        {
            o.AgentRateLimit = 1;
            o.AgentBurstLimit = 3;
        });
        await using var flooder = await harness.ConnectAsync(AgentdHarness.Password("flooder"), cts.Token);
        await using var calm = await harness.ConnectAsync(AgentdHarness.Password("calm"), cts.Token);

        try
        {
            for (var i = 0; i < 40; i++)
                await flooder.SendAsync(AgentdHarness.Encode(MessageTypes.Event, AgentdHarness.CheckResult("flooder", "flood" + i, 0, "x")), cts.Token);
        }
        catch (WebSocketException)
        {
            // Closed by the backend mid-flood.
        }
        // The entity that its first events registered may be sent back as entity_config before the close.
        TransportMessage? received;
        do
            received = await AgentdHarness.ReceiveAsync(flooder, Wait, cts.Token);
        while (received?.Type == MessageTypes.EntityConfig);
        Assert.Null(received);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, flooder.CloseStatus);

        await calm.SendAsync(AgentdHarness.Encode(MessageTypes.Event, AgentdHarness.CheckResult("calm", "ok", 0, "fine")), cts.Token);
        Assert.NotNull(await harness.WaitEventAsync("calm", "ok", Wait, cts.Token));
        Assert.NotNull(await harness.WaitEventAsync("flooder", "flood0", Wait, cts.Token));
        Assert.Null(await harness.WaitEventAsync("flooder", "flood39", TimeSpan.FromMilliseconds(200), cts.Token));
    }

    [Fact]
    public async Task Agent_that_does_not_read_is_closed_after_the_write_timeout()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync(o => o.AgentWriteTimeout = 1);
        await using var agent = await harness.ConnectAsync(AgentdHarness.Password("sleepy", "linux"), cts.Token);
        var session = harness.Sessions.Find("default", "sleepy")!;
        var publisher = (Sensu.Backend.Agentd.ICheckRequestPublisher)harness.Backend.Services.GetService(typeof(Sensu.Backend.Agentd.ICheckRequestPublisher))!;

        // Large requests the agent never reads fill the socket buffers until a write blocks past the timeout.
        var big = AgentMessageTests.Request("big");
        big.Config.Command = new string('y', 512 * 1024);
        while (ReferenceEquals(harness.Sessions.Find("default", "sleepy"), session))
        {
            await publisher.PublishAsync("default", "linux", big, cts.Token);
            await Task.Delay(50, cts.Token);
        }
        Assert.Null(harness.Sessions.Find("default", "sleepy"));
    }
}
