using Sensu.Backend.Agentd;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.Backend.Tests.Agentd;

public class AgentMessageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Keepalive_reaches_Keepalived_with_the_entity_subscription_added()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();
        await using var agent = await harness.ConnectAsync(AgentdHarness.Password("a1", "linux"), cts.Token);

        await agent.SendAsync(AgentdHarness.Encode(MessageTypes.Keepalive, AgentdHarness.Keepalive("a1", "linux")), cts.Token);
        var keepalive = await harness.Keepalives.NextAsync(Wait, cts.Token);

        Assert.NotNull(keepalive);
        Assert.Equal("a1", keepalive.Entity!.Metadata.Name);
        Assert.Equal("default", keepalive.Metadata.Namespace);
        Assert.Contains("entity:a1", keepalive.Entity.Subscriptions);
    }

    [Fact]
    public async Task Invalid_keepalives_are_refused_and_the_session_goes_on()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();
        await using var agent = await harness.ConnectAsync(AgentdHarness.Password("a1"), cts.Token);

        var zero = AgentdHarness.Keepalive("a1");
        zero.Timestamp = 0;
        var impostor = AgentdHarness.Keepalive("someone-else");
        var otherNamespace = AgentdHarness.Keepalive("a1");
        otherNamespace.Entity!.Metadata.Namespace = "elsewhere";
        foreach (var bad in new[] { zero, impostor, otherNamespace })
            await agent.SendAsync(AgentdHarness.Encode(MessageTypes.Keepalive, bad), cts.Token);
        await agent.SendAsync(new TransportMessage(MessageTypes.Keepalive, "{not json"u8.ToArray()), cts.Token);
        await agent.SendAsync(AgentdHarness.Encode(MessageTypes.Keepalive, AgentdHarness.Keepalive("a1")), cts.Token);

        var first = await harness.Keepalives.NextAsync(Wait, cts.Token);
        Assert.Equal(1_700_000_000, first!.Timestamp);
        Assert.Equal("a1", first.Entity!.Metadata.Name);
        Assert.Null(await harness.Keepalives.NextAsync(TimeSpan.FromMilliseconds(300), cts.Token));
    }

    [Fact]
    public async Task Events_are_stored_and_a_missing_entity_is_the_agent()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();
        await using var agent = await harness.ConnectAsync(AgentdHarness.Password("a1", "linux"), cts.Token);

        await agent.SendAsync(AgentdHarness.Encode(MessageTypes.Event, AgentdHarness.CheckResult("a1", "disk", 1, "disk 91%")), cts.Token);
        await agent.SendAsync(AgentdHarness.Encode(MessageTypes.Event, AgentdHarness.CheckResult(null, "cpu", 0, "cpu ok")), cts.Token);

        var disk = await harness.WaitEventAsync("a1", "disk", Wait, cts.Token);
        var cpu = await harness.WaitEventAsync("a1", "cpu", Wait, cts.Token);
        Assert.Equal((1u, "disk 91%"), (disk!.Check!.Status, disk.Check.Output));
        Assert.Equal("cpu ok", cpu!.Check!.Output);
        Assert.Equal(Entity.AgentClass, cpu.Entity!.EntityClass);
    }

    [Fact]
    public async Task Check_requests_go_by_subscription_and_by_entity_name_without_secrets_for_password_sessions()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();
        await using var linux = await harness.ConnectAsync(AgentdHarness.Password("a1", "linux"), cts.Token);
        await using var windows = await harness.ConnectAsync(AgentdHarness.Password("a2", "windows"), cts.Token);
        var publisher = (ICheckRequestPublisher)harness.Backend.Services.GetService(typeof(ICheckRequestPublisher))!;

        var bySubscription = await publisher.PublishAsync("default", "linux", Request("check-linux", secrets: ["TOKEN=s3cr3t"]), cts.Token);
        var byEntity = await publisher.PublishAsync("default", "entity:a2", Request("check-a2"), cts.Token);
        var elsewhere = await publisher.PublishAsync("other", "linux", Request("check-other"), cts.Token);

        var toLinux = AgentdHarness.DecodeRequest(await AgentdHarness.ReceiveAsync(linux, Wait, cts.Token));
        var toWindows = AgentdHarness.DecodeRequest(await AgentdHarness.ReceiveAsync(windows, Wait, cts.Token));
        Assert.Equal((1, 1, 0), (bySubscription, byEntity, elsewhere));
        Assert.Equal("check-linux", toLinux!.Config.Metadata.Name);
        Assert.Null(toLinux.Secrets);
        Assert.Equal("check-a2", toWindows!.Config.Metadata.Name);
        Assert.Null(await AgentdHarness.ReceiveAsync(linux, TimeSpan.FromMilliseconds(300), cts.Token));
    }

    internal static CheckRequest Request(string name, List<string>? secrets = null) => new()
    {
        Config = new CheckConfig { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Command = "true", Interval = 10 },
        Issued = 1_700_000_000,
        Secrets = secrets,
    };
}
