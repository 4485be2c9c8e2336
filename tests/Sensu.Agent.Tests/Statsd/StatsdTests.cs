using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sensu.Agent.Statsd;
using Sensu.Agent.Tests.Support;

namespace Sensu.Agent.Tests.Statsd;

public sealed class StatsdTests
{
    [Fact]
    public void Aggregates_counters_gauges_timers_and_sets()
    {
        var aggregator = new StatsdAggregator();
        var invalid = aggregator.Add("hits:1|c\nhits:2|c|@0.5\ntemp:20|g\ntemp:+5|g\nlat:10|ms\nlat:30|ms\nlat:20|ms\nusers:a|s\nusers:b|s\nusers:a|s\nbad\nx:1|zz");

        var points = aggregator.Flush(100, TimeSpan.FromSeconds(10)).ToDictionary(p => p.Name!, p => p.Value);

        Assert.Equal(2, invalid);
        Assert.Equal(5, points["hits.value"]);
        Assert.Equal(0.5, points["hits.per_second"]);
        Assert.Equal(25, points["temp.value"]);
        Assert.Equal(10, points["lat.min"]);
        Assert.Equal(30, points["lat.max"]);
        Assert.Equal(20, points["lat.mean"]);
        Assert.Equal(20, points["lat.median"]);
        Assert.Equal(3, points["lat.count"]);
        Assert.Equal(2, points["users.count"]);

        var next = aggregator.Flush(110, TimeSpan.FromSeconds(10));
        Assert.Equal("temp.value", Assert.Single(next).Name);
    }

    [Fact]
    public async Task Server_flushes_a_metrics_event_with_the_statsd_handlers()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var parts = new AgentParts(o => o.StatsdEventHandlers = ["influx"], time: time);
        using var server = new StatsdServer(parts.Options, parts.Entity, parts.Queue, time, NullLogger<StatsdServer>.Instance);
        await server.StartAsync(CancellationToken.None);
        var port = await server.Port.WaitAsync(TimeSpan.FromSeconds(10));
        using var udp = new UdpClient();
        await udp.SendAsync(Encoding.UTF8.GetBytes("requests:3|c"), "127.0.0.1", port);
        await Task.Delay(300);

        time.Advance(TimeSpan.FromSeconds(10));

        var ev = await parts.Queue.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Null(ev.Check);
        Assert.Equal(["influx"], ev.Metrics!.Handlers);
        Assert.Contains(ev.Metrics.Points, p => p.Name == "requests.value" && p.Value == 3);
        Assert.Equal("agent-under-test", ev.Entity!.Metadata.Name);
        Assert.Equal(1_700_000_010, ev.Timestamp);
        await server.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
    }
}
