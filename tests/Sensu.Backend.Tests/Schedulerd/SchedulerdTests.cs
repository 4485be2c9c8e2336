using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Caching;
using Sensu.Backend.Schedulerd;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Schedulerd;

/// <summary>The daemon on a fake clock: publication, subdue, round robin, proxy checks, ad hoc, secrets failures, rescheduling.</summary>
public sealed class SchedulerdTests
{
    [Fact]
    public async Task A_published_check_goes_to_each_subscription_every_interval_with_its_assets_and_hooks()
    {
        await using var host = await DaemonHost.StartAsync();
        await host.Resources.PutAsync(new Asset { Url = "http://127.0.0.1/a.tar.gz", Sha512 = new string('a', 128), Metadata = new() { Name = "tools", Namespace = "default" } }, default);
        await host.Resources.PutAsync(new HookConfig { Command = "ps aux", Timeout = 10, RuntimeAssets = ["tools"], Metadata = new() { Name = "ps", Namespace = "default" } }, default);
        var check = Check("check-cpu", 10, "linux", "windows");
        check.RuntimeAssets = ["tools", "missing"];
        check.CheckHooks = [new HookList { Type = "critical", Hooks = ["ps", "ps"] }];
        check.Publish = false;
        await host.Resources.PutAsync(check, default);
        await host.AdvanceAsync(TimeSpan.FromSeconds(12));
        Assert.Empty(host.Publisher.Published); // not published: not scheduled

        check.Publish = true;
        await host.PutCheckAsync(check);
        await host.AdvanceUntilAsync(() => host.Publisher.Published.Count >= 2, TimeSpan.FromSeconds(11));
        await host.AdvanceAsync(TimeSpan.FromSeconds(10));

        var published = host.Publisher.For("check-cpu");
        Assert.Equal(4, published.Count);
        Assert.Equal(["linux", "windows", "linux", "windows"], published.Select(p => p.Topic));
        var request = published[0].Request;
        Assert.Equal(["tools"], request.Assets.Select(a => a.Metadata.Name));
        Assert.Equal(["ps"], request.Hooks.Select(h => h.Metadata.Name));
        Assert.Equal(["tools"], request.HookAssets!["ps"].Assets.Select(a => a.Metadata.Name));
        Assert.Null(request.Secrets);
        Assert.InRange(request.Issued, DaemonHost.Start.ToUnixTimeSeconds(), host.Time.GetUtcNow().ToUnixTimeSeconds());
        Assert.InRange(published[2].Request.Issued - request.Issued, 9, 11);
    }

    [Fact]
    public async Task Ticks_inside_a_subdue_window_are_skipped()
    {
        await using var host = await DaemonHost.StartAsync();
        var subdued = Check("quiet", 10, "linux");
        subdued.Subdues = [new TimeWindowRepeated { Begin = "2025-01-06T11:00:00Z", End = "2025-01-06T12:00:30Z" }];
        await host.PutCheckAsync(subdued);
        await host.PutCheckAsync(Check("loud", 10, "linux"));
        await host.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(host.Publisher.For("quiet"));
        Assert.Equal(3, host.Publisher.For("loud").Count);

        await host.AdvanceAsync(TimeSpan.FromSeconds(12));
        Assert.NotEmpty(host.Publisher.For("quiet"));
        Assert.All(host.Publisher.For("quiet"), p => Assert.True(p.Request.Issued >= DaemonHost.Start.ToUnixTimeSeconds() + 30));
    }

    [Fact]
    public async Task Round_robin_sends_each_tick_to_the_next_agent_of_the_ring()
    {
        await using var host = await DaemonHost.StartAsync();
        host.Presence.Agents["linux"] = ["agent-c", "agent-a", "agent-b"];
        var check = Check("rr", 10, "linux");
        check.RoundRobin = true;
        await host.PutCheckAsync(check);
        await host.AdvanceUntilAsync(() => host.Publisher.Published.Count >= 4, TimeSpan.FromSeconds(45));

        var topics = host.Publisher.For("rr").Select(p => p.Topic).Take(4).ToList();
        Assert.Equal(["entity:agent-a", "entity:agent-b", "entity:agent-c", "entity:agent-a"], topics);
    }

    [Fact]
    public async Task A_proxy_check_is_published_once_per_matching_entity_with_tokens_of_that_entity()
    {
        var engine = new PredicateEngine(entity => entity["entity_class"]!.GetValue<string>() == "proxy");
        await using var host = await DaemonHost.StartAsync(engine);
        var entities = host.Services.GetRequiredService<ResourceCache<Entity>>();
        foreach (var (name, cls) in new[] { ("router1", "proxy"), ("router2", "proxy"), ("web1", "agent") })
            await host.Resources.PutAsync(new Entity { EntityClass = cls, Metadata = new() { Name = name, Namespace = "default", Labels = new() { ["port"] = "161" } } }, default);
        await DaemonHost.WaitUntilAsync(() => entities.InNamespace("default").Count() == 3);

        var check = Check("ping", 10, "proxies");
        check.Command = "ping {{ .name }} -p {{ .labels.port }}";
        check.ProxyRequests = new ProxyRequests { EntityAttributes = ["entity.entity_class == 'proxy'"] };
        await host.PutCheckAsync(check);
        await host.AdvanceAsync(TimeSpan.FromSeconds(10));

        var published = host.Publisher.For("ping");
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal("proxies", p.Topic));
        Assert.Equal(["router1", "router2"], published.Select(p => p.Request.Config.ProxyEntityName));
        Assert.Equal(["ping router1 -p 161", "ping router2 -p 161"], published.Select(p => p.Request.Config.Command));
        Assert.Contains("web1", engine.Seen);
    }

    [Fact]
    public async Task A_proxy_check_without_a_match_publishes_nothing()
    {
        await using var host = await DaemonHost.StartAsync(new PredicateEngine(_ => false));
        var check = Check("ping", 10, "proxies");
        check.ProxyRequests = new ProxyRequests { EntityAttributes = ["entity.entity_class == 'proxy'"] };
        await host.PutCheckAsync(check);
        await host.AdvanceAsync(TimeSpan.FromSeconds(21));
        Assert.Empty(host.Publisher.Published);
    }

    [Fact]
    public async Task An_adhoc_request_runs_once_on_the_given_or_the_check_subscriptions()
    {
        await using var host = await DaemonHost.StartAsync();
        var check = Check("on-demand", 60, "linux");
        check.Publish = false;
        await host.Resources.PutAsync(check, default);
        await DaemonHost.WaitUntilAsync(() => host.Services.GetRequiredService<ResourceCache<CheckConfig>>().Get("default", "on-demand") is not null);

        Assert.True(host.Adhoc.TryEnqueue(new AdhocRequest("default", "on-demand", [], "test", "admin")));
        Assert.True(host.Adhoc.TryEnqueue(new AdhocRequest("default", "on-demand", ["special"], null, null)));
        await DaemonHost.WaitUntilAsync(() => host.Publisher.Published.Count == 2);
        await host.AdvanceAsync(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5));
        Assert.Equal(["linux", "special"], host.Publisher.For("on-demand").Select(p => p.Topic));
    }

    [Fact]
    public async Task Secrets_that_cannot_be_resolved_publish_nothing_and_write_a_status_3_event_per_agent()
    {
        await using var host = await DaemonHost.StartAsync();
        host.Presence.Agents["linux"] = ["agent1", "agent2"];
        var check = Check("with-secret", 10, "linux");
        check.Secrets = [new SecretReference { Name = "TOKEN", Secret = "api-token" }];
        await host.PutCheckAsync(check);
        await host.AdvanceAsync(TimeSpan.FromSeconds(10));

        foreach (var agent in new[] { "agent1", "agent2" })
        {
            Event? ev = null;
            await DaemonHost.WaitUntilAsync(() => (ev = host.GetEventAsync(agent, "with-secret").GetAwaiter().GetResult()) is not null);
            Assert.Equal(3u, ev!.Check!.Status);
            Assert.StartsWith(CheckExecutor.SecretsFailurePrefix, ev.Check.Output);
            Assert.Contains("no secret provider defined", ev.Check.Output);
        }
        Assert.Empty(host.Publisher.Published);
    }

    [Fact]
    public async Task A_changed_check_is_rescheduled_and_a_deleted_one_stops()
    {
        await using var host = await DaemonHost.StartAsync();
        await host.PutCheckAsync(Check("moving", 10, "linux"));
        await host.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["linux"], host.Publisher.For("moving").Select(p => p.Topic));

        await host.PutCheckAsync(Check("moving", 10, "darwin"));
        await host.AdvanceAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["linux", "darwin"], host.Publisher.For("moving").Select(p => p.Topic));

        await host.Resources.DeleteAsync(ResourceRegistry.For<CheckConfig>(), "default", "moving", default);
        await DaemonHost.WaitUntilAsync(() => host.Schedulerd.Scheduled == 0);
        await host.AdvanceAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, host.Publisher.For("moving").Count);
    }

    internal static CheckConfig Check(string name, uint interval, params string[] subscriptions) => new()
    {
        Command = "true",
        Interval = interval,
        Publish = true,
        Subscriptions = [.. subscriptions],
        Metadata = new() { Name = name, Namespace = "default" },
    };
}
