using Sensu.Backend.Keepalived;
using Sensu.Backend.Tests.Schedulerd;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Tests.Keepalived;

/// <summary>Keepalived on a fake clock: registration, keepalive events, warning and critical timeouts, deregistration, restart.</summary>
public sealed class KeepalivedTests
{
    [Fact]
    public async Task The_first_keepalive_registers_the_entity_and_each_keepalive_stores_an_ok_event()
    {
        await using var host = await DaemonHost.StartAsync();
        await host.Keepalives.ReceiveAsync(Keepalive("agent1", host.Time.GetUtcNow().ToUnixTimeSeconds()), default);

        Event? ev = null;
        await DaemonHost.WaitUntilAsync(() => (ev = host.GetEventAsync("agent1", "keepalive").GetAwaiter().GetResult()) is not null);
        Assert.Equal(0u, ev!.Check!.Status);
        Assert.Equal("Keepalive last sent from agent1 at 2025-01-06 12:00:00 +0000 UTC", ev.Check.Output);
        Assert.Equal(["keepalive"], ev.Check.Handlers);
        Assert.Equal(120u, ev.Check.Timeout);

        var entity = await host.Resources.GetAsync<Entity>("default", "agent1", default);
        Assert.Equal(DaemonHost.Start.ToUnixTimeSeconds(), entity!.LastSeen);
        Assert.Contains("entity:agent1", entity.Subscriptions);
        Assert.Equal(Entity.AgentClass, entity.EntityClass);

        var registration = Assert.Single(host.Pipeline.Events, e => e.CheckName == "registration");
        Assert.Equal(1u, registration.Check!.Status);
        Assert.Equal(["registration"], registration.Check.Handlers);

        await host.AdvanceAsync(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10));
        await host.Keepalives.ReceiveAsync(Keepalive("agent1", host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        await DaemonHost.WaitUntilAsync(() => host.Pipeline.Events.Count(e => e.CheckName == "keepalive") == 2);
        Assert.Single(host.Pipeline.Events, e => e.CheckName == "registration");
    }

    [Fact]
    public async Task A_silent_agent_turns_warning_after_the_timeout_and_critical_after_the_critical_timeout()
    {
        await using var host = await DaemonHost.StartAsync();
        var keepalive = Keepalive("agent1", host.Time.GetUtcNow().ToUnixTimeSeconds());
        keepalive.Check!.Ttl = 180;
        await host.Keepalives.ReceiveAsync(keepalive, default);
        var armed = await WaitArmedAsync(host, 0);

        await host.AdvanceAsync(TimeSpan.FromSeconds(119), TimeSpan.FromSeconds(7));
        Assert.Equal(0u, (await host.GetEventAsync("agent1", "keepalive"))!.Check!.Status);

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        await WaitForStatusAsync(host, 1);
        var warning = await host.GetEventAsync("agent1", "keepalive");
        Assert.Equal("No keepalive sent from agent1 for 120 seconds (>= 120)", warning!.Check!.Output);
        await WaitArmedAsync(host, armed);

        await host.AdvanceAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5));
        await WaitForStatusAsync(host, 2);
        var critical = await host.GetEventAsync("agent1", "keepalive");
        Assert.Equal("No keepalive sent from agent1 for 180 seconds (>= 180)", critical!.Check!.Output);
    }

    [Fact]
    public async Task A_keepalive_before_the_timeout_rearms_the_switch()
    {
        await using var host = await DaemonHost.StartAsync();
        await host.Keepalives.ReceiveAsync(Keepalive("agent1", host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        var armed = await WaitArmedAsync(host, 0);
        await host.AdvanceAsync(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(10));
        await host.Keepalives.ReceiveAsync(Keepalive("agent1", host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        await WaitArmedAsync(host, armed);

        await host.AdvanceAsync(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(10));
        Assert.All(host.Pipeline.Events.Where(e => e.CheckName == "keepalive"), e => Assert.Equal(0u, e.Check!.Status));
        await host.AdvanceAsync(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
        await WaitForStatusAsync(host, 1);
    }

    [Fact]
    public async Task Keepalive_handlers_of_the_entity_replace_the_default()
    {
        await using var host = await DaemonHost.StartAsync();
        var keepalive = Keepalive("agent1", host.Time.GetUtcNow().ToUnixTimeSeconds());
        keepalive.Entity!.KeepaliveHandlers = ["pager"];
        await host.Keepalives.ReceiveAsync(keepalive, default);
        await DaemonHost.WaitUntilAsync(() => host.Pipeline.Events.Any(e => e.CheckName == "keepalive"));
        Assert.Equal(["pager"], host.Pipeline.Events.First(e => e.CheckName == "keepalive").Check!.Handlers);
    }

    [Fact]
    public async Task An_entity_with_deregister_is_deleted_with_its_events_and_the_deregistration_handler_is_called()
    {
        await using var host = await DaemonHost.StartAsync(configure: o => o.DeregistrationHandler = "default-dereg");
        var keepalive = Keepalive("ephemeral", host.Time.GetUtcNow().ToUnixTimeSeconds());
        keepalive.Entity!.Deregister = true;
        await host.Keepalives.ReceiveAsync(keepalive, default);
        await WaitArmedAsync(host, 0, "ephemeral");
        await host.Writer.WriteAsync(new Event
        {
            Entity = new Entity { EntityClass = Entity.AgentClass, Metadata = new() { Name = "ephemeral", Namespace = "default" } },
            Check = new Check { Status = 2, Output = "bad", Interval = 60, Metadata = new() { Name = "disk", Namespace = "default" } },
            Metadata = new() { Namespace = "default" },
        }, default);

        await host.AdvanceAsync(TimeSpan.FromSeconds(121), TimeSpan.FromSeconds(11));
        await DaemonHost.WaitUntilAsync(() => host.Pipeline.Events.Any(e => e.CheckName == "deregistration"));
        Assert.Null(await host.Resources.GetAsync<Entity>("default", "ephemeral", default));
        var page = await host.Events.ListEventsAsync("default", "ephemeral", PageRequest.All, default);
        Assert.Empty(page.Items);
        var deregistration = host.Pipeline.Events.Single(e => e.CheckName == "deregistration");
        Assert.Equal(["default-dereg"], deregistration.Check!.Handlers);
        var resolved = host.Pipeline.Events.Last(e => e.CheckName == "disk");
        Assert.Equal(0u, resolved.Check!.Status);
        Assert.Equal(KeepaliveEvents.DeregisteringOutput, resolved.Check.Output);
        Assert.DoesNotContain(host.Pipeline.Events, e => e.CheckName == "keepalive" && e.Check!.Status != 0);
    }

    [Fact]
    public async Task After_a_restart_switches_are_armed_from_last_seen_in_the_store()
    {
        var dir = Directory.CreateTempSubdirectory("sensu-keepalived-restart-").FullName;
        var first = await DaemonHost.StartAsync(dir: dir);
        await first.Keepalives.ReceiveAsync(Keepalive("agent1", first.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        await DaemonHost.WaitUntilAsync(() => first.Pipeline.Events.Any(e => e.CheckName == "keepalive"));
        await first.StopKeepingStateAsync();

        await using var second = await DaemonHost.StartAsync(dir: dir);
        await WaitArmedAsync(second, 0);
        await second.AdvanceAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10));
        Assert.Equal(0u, (await second.GetEventAsync("agent1", "keepalive"))!.Check!.Status);
        await second.AdvanceAsync(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(10));
        await WaitForStatusAsync(second, 1);
    }

    /// <summary>Waits until the entity's switch was (re-)armed after generation <paramref name="after"/>; returns the new generation.</summary>
    private static async Task<long> WaitArmedAsync(DaemonHost host, long after, string entity = "agent1")
    {
        long Generation() => host.Keepalived.Switches.Find(new KeepaliveKey("default", entity))?.Generation ?? 0;
        await DaemonHost.WaitUntilAsync(() => Generation() > after);
        return Generation();
    }

    private static async Task WaitForStatusAsync(DaemonHost host, uint status) =>
        await DaemonHost.WaitUntilAsync(() => host.GetEventAsync("agent1", "keepalive").GetAwaiter().GetResult()?.Check?.Status == status);

    internal static Event Keepalive(string agent, long timestamp) => new()
    {
        Timestamp = timestamp,
        Id = Guid.NewGuid().ToString(),
        Entity = new Entity
        {
            EntityClass = Entity.AgentClass,
            Subscriptions = ["linux"],
            Metadata = new() { Name = agent, Namespace = "default" },
        },
        Check = new Check { Interval = 20, Timeout = 120, Metadata = new() { Name = "keepalive", Namespace = "default" } },
        Metadata = new() { Namespace = "default" },
    };
}
