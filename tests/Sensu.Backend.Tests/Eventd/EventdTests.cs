using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Tests.Eventd;

/// <summary>The daemon: per-key order, drain on stop, silences from the change feed, proxy entities.</summary>
public sealed class EventdTests
{
    [Fact]
    public async Task Results_of_each_check_are_applied_in_arrival_order()
    {
        var pipeline = new RecordingPipeline();
        await using var host = await EventdHost.StartAsync(pipeline, workers: 3, buffer: 6);
        var writes = new List<Task>();
        for (var i = 0; i < 30; i++)
        {
            for (var e = 0; e < 4; e++)
                writes.Add(host.Writer.WriteAsync(Result($"web{e}", "check-cpu", (uint)(i % 3), 1000 + i), CancellationToken.None));
        }
        await Task.WhenAll(writes);

        for (var e = 0; e < 4; e++)
        {
            var stored = await host.GetEventAsync($"web{e}", "check-cpu");
            Assert.Equal(Enumerable.Range(1009, 21).Select(x => (long)x), stored!.Check!.History.Select(h => h.Executed));
            var handed = pipeline.Events.Where(ev => ev.Entity!.Metadata.Name == $"web{e}").Select(ev => ev.Check!.Executed).ToList();
            Assert.Equal(Enumerable.Range(1000, 30).Select(x => (long)x), handed);
        }
    }

    [Fact]
    public async Task Stopping_refuses_new_events_and_drains_the_queued_ones()
    {
        var pipeline = new RecordingPipeline(gated: true);
        await using var host = await EventdHost.StartAsync(pipeline, workers: 1, buffer: 64);
        var writes = Enumerable.Range(0, 20)
            .Select(i => host.Writer.WriteAsync(Result("web1", $"check-{i}", 1, 1000), CancellationToken.None))
            .ToList();
        await writes[0];

        var stop = host.StopAsync();
        await Task.Delay(200);
        Assert.False(stop.IsCompleted);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => host.Writer.WriteAsync(Result("web1", "late", 1, 1000), CancellationToken.None));

        pipeline.Open();
        await stop.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(writes);
        Assert.Equal(20, pipeline.Events.Count);
        var page = await host.Events.ListEventsAsync("default", null, PageRequest.All, CancellationToken.None);
        Assert.Equal(20, page.Items.Count);
        Assert.Equal(0, host.Eventd.QueueDepth);
    }

    [Fact]
    public async Task Silences_written_to_the_store_apply_and_expire_on_resolve_deletes_them()
    {
        await using var host = await EventdHost.StartAsync(new RecordingPipeline());
        var silence = new Silenced { Subscription = "linux", Check = "check-cpu", ExpireOnResolve = true, Metadata = new() { Namespace = "default" } };
        await host.Resources.PutAsync(silence, CancellationToken.None);
        await WaitUntilAsync(() => host.Silences.InNamespace("default").Any());

        await host.Writer.WriteAsync(Result("web1", "check-cpu", 2, 1000), CancellationToken.None);
        var failing = await host.GetEventAsync("web1", "check-cpu");
        Assert.Equal(["linux:check-cpu"], failing!.Check!.Silenced);
        Assert.True(failing.Check.IsSilenced);

        await host.Writer.WriteAsync(Result("web1", "check-cpu", 0, 1001), CancellationToken.None);
        var resolved = await host.GetEventAsync("web1", "check-cpu");
        Assert.Null(resolved!.Check!.Silenced);
        Assert.False(resolved.Check.IsSilenced);
        Assert.Null(await host.Resources.GetAsync<Silenced>("default", "linux:check-cpu", CancellationToken.None));
        Assert.Empty(host.Silences.InNamespace("default"));
    }

    [Fact]
    public async Task A_missing_entity_is_created_as_a_proxy_without_an_entity_subscription()
    {
        await using var host = await EventdHost.StartAsync(new RecordingPipeline());
        var ev = Result("router1", "ping", 0, 1000);
        ev.Entity!.EntityClass = "";
        ev.Entity.Subscriptions = [];
        await host.Writer.WriteAsync(ev, CancellationToken.None);
        var entity = await host.Resources.GetAsync<Entity>("default", "router1", CancellationToken.None);
        Assert.Equal(Entity.ProxyClass, entity!.EntityClass);
        Assert.Empty(entity.Subscriptions);
    }

    [Fact]
    public async Task A_proxy_check_result_is_attributed_to_its_proxy_entity()
    {
        var pipeline = new RecordingPipeline();
        await using var host = await EventdHost.StartAsync(pipeline);
        var ev = Result("poller", "ping", 2, 1000);
        ev.Check!.ProxyEntityName = "switch7";
        await host.Writer.WriteAsync(ev, CancellationToken.None);

        var proxy = await host.Resources.GetAsync<Entity>("default", "switch7", CancellationToken.None);
        Assert.Equal(Entity.ProxyClass, proxy!.EntityClass);
        Assert.Equal(["entity:switch7"], proxy.Subscriptions);
        Assert.NotNull(await host.GetEventAsync("switch7", "ping"));
        Assert.Null(await host.GetEventAsync("poller", "ping"));
        Assert.Equal("switch7", Assert.Single(pipeline.Events).Entity!.Metadata.Name);
    }

    [Fact]
    public async Task Metrics_only_events_reach_the_pipeline_and_are_not_stored()
    {
        var pipeline = new RecordingPipeline();
        await using var host = await EventdHost.StartAsync(pipeline);
        var ev = Result("web1", "x", 0, 1000);
        ev.Check = null;
        ev.Metrics = new Sensu.Core.Resources.Core.Metrics { Handlers = ["influx"], Points = [new MetricPoint { Name = "cpu", Value = 1 }] };
        await host.Writer.WriteAsync(ev, CancellationToken.None);
        Assert.Single(pipeline.Events);
        var page = await host.Events.ListEventsAsync("default", null, PageRequest.All, CancellationToken.None);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task A_missing_namespace_fails_the_write_and_the_next_event_is_processed()
    {
        await using var host = await EventdHost.StartAsync(new RecordingPipeline(), workers: 1, buffer: 4);
        var bad = Result("web1", "check-cpu", 0, 1000);
        bad.SetNamespace("nope");
        await Assert.ThrowsAsync<NamespaceNotFoundException>(() => host.Writer.WriteAsync(bad, CancellationToken.None));
        await host.Writer.WriteAsync(Result("web1", "check-cpu", 0, 1000), CancellationToken.None);
        Assert.NotNull(await host.GetEventAsync("web1", "check-cpu"));
    }

    private static Event Result(string entity, string check, uint status, long executed)
    {
        var ev = EventStateMachineTests.Result(status, executed);
        ev.Entity!.Metadata.Name = entity;
        ev.Entity.Subscriptions = ["linux", Entity.EntitySubscription(entity)];
        ev.Check!.Metadata.Name = check;
        return ev;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
            await Task.Delay(20);
        Assert.True(condition());
    }
}
