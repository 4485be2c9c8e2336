using Sensu.Backend.Secrets;
using Sensu.Backend.Tests.Schedulerd;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Tests.Eventd;

/// <summary>Check TTL (core-spec §4.1) on a fake clock, and scrubbing of secret values from check output.</summary>
public sealed class CheckTtlTests
{
    [Fact]
    public async Task An_expired_ttl_writes_a_failing_result_with_Sensus_output()
    {
        await using var host = await DaemonHost.StartAsync();
        await host.Writer.WriteAsync(Result("web1", "backup", 0, ttl: 30, executed: host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        await host.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Equal(0u, (await host.GetEventAsync("web1", "backup"))!.Check!.Status);

        await host.AdvanceAsync(TimeSpan.FromSeconds(1));
        var failed = await WaitForStatusAsync(host, "backup", 1);
        Assert.Equal("Last check execution was 30 seconds ago", failed.Check!.Output);
        Assert.Equal(host.Time.GetUtcNow().ToUnixTimeSeconds(), failed.Check.Executed);
        Assert.Equal(2, failed.Check.History.Count);
        Assert.Contains(host.Pipeline.Events, e => e.CheckName == "backup" && e.Check!.Status == 1);
    }

    [Fact]
    public async Task Each_result_rearms_the_ttl_and_a_result_without_ttl_buries_it()
    {
        await using var host = await DaemonHost.StartAsync();
        await host.Writer.WriteAsync(Result("web1", "backup", 0, ttl: 30, executed: host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        await host.AdvanceAsync(TimeSpan.FromSeconds(20));
        await host.Writer.WriteAsync(Result("web1", "backup", 0, ttl: 30, executed: host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        await host.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0u, (await host.GetEventAsync("web1", "backup"))!.Check!.Status);
        await host.AdvanceAsync(TimeSpan.FromSeconds(10));
        await WaitForStatusAsync(host, "backup", 1);

        await host.Writer.WriteAsync(Result("web1", "backup", 0, ttl: 0, executed: host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        Assert.False(host.Eventd.Ttl.IsArmed(new EventKey("default", "web1", "backup")));
        await host.AdvanceAsync(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(10));
        Assert.Equal(0u, (await host.GetEventAsync("web1", "backup"))!.Check!.Status);
    }

    [Fact]
    public async Task Keepalive_results_never_arm_a_ttl()
    {
        await using var host = await DaemonHost.StartAsync();
        await host.Writer.WriteAsync(Result("web1", "keepalive", 0, ttl: 30, executed: host.Time.GetUtcNow().ToUnixTimeSeconds()), default);
        Assert.Equal(0, host.Eventd.Ttl.Count);
    }

    [Fact]
    public async Task Check_and_hook_output_is_scrubbed_of_resolved_secret_values_before_it_is_stored()
    {
        await using var host = await DaemonHost.StartAsync();
        host.Scrubber.Register(new SecretValue("s3cr3t-t0ken"));
        var ev = Result("web1", "api", 2, ttl: 0, executed: host.Time.GetUtcNow().ToUnixTimeSeconds());
        ev.Check!.Output = "curl -H 'X-Token: s3cr3t-t0ken' failed";
        ev.Check.Hooks = [new HookResult { Command = "env", Timeout = 10, Output = "TOKEN=s3cr3t-t0ken", Metadata = new() { Name = "env" } }];
        await host.Writer.WriteAsync(ev, default);

        var stored = await host.GetEventAsync("web1", "api");
        Assert.Equal("curl -H 'X-Token: REDACTED' failed", stored!.Check!.Output);
        Assert.Equal("TOKEN=REDACTED", stored.Check.Hooks![0].Output);
        Assert.DoesNotContain(host.Pipeline.Events, e => e.Check!.Output.Contains("s3cr3t", StringComparison.Ordinal));
    }

    private static async Task<Event> WaitForStatusAsync(DaemonHost host, string check, uint status)
    {
        Event? ev = null;
        await DaemonHost.WaitUntilAsync(() => (ev = host.GetEventAsync("web1", check).GetAwaiter().GetResult())?.Check?.Status == status);
        return ev!;
    }

    private static Event Result(string entity, string check, uint status, long ttl, long executed) => new()
    {
        Entity = new Entity { EntityClass = Entity.AgentClass, Metadata = new() { Name = entity, Namespace = "default" } },
        Check = new Check
        {
            Status = status,
            Output = "ok",
            Interval = 10,
            Ttl = ttl,
            Executed = executed,
            Metadata = new() { Name = check, Namespace = "default" },
        },
        Metadata = new() { Namespace = "default" },
    };
}
