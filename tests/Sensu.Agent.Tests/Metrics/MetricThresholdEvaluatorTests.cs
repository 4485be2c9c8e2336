using Sensu.Agent.Metrics;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Tests.Metrics;

public sealed class MetricThresholdEvaluatorTests
{
    private static readonly MetricPoint Disk = new() { Name = "disk_rate", Value = 99999 };
    private static readonly MetricPoint Network = new() { Name = "network_rate", Value = 100001, Tags = [new MetricTag { Name = "device", Value = "eth0" }] };

    private static Event EventWith(uint status, IEnumerable<MetricPoint> points, params MetricThreshold[] thresholds) => new()
    {
        Check = new Check { Status = status, OutputMetricThresholds = [.. thresholds] },
        Metrics = new Sensu.Core.Resources.Core.Metrics { Points = [.. points] },
    };

    private static MetricThreshold Threshold(string name, uint nullStatus = 0, MetricTag[]? tags = null, params MetricThresholdRule[] rules) =>
        new() { Name = name, NullStatus = nullStatus, Tags = tags?.ToList(), Thresholds = [.. rules] };

    private static IReadOnlyDictionary<string, string> Annotations(Event ev) => ev.Metadata.Annotations ?? [];

    [Fact]
    public void A_value_above_the_maximum_raises_the_status_and_says_so()
    {
        var ev = EventWith(0, [Disk], Threshold("disk_rate", rules: new MetricThresholdRule { Max = "50000.0", Status = 2 }));

        Assert.Equal(2u, MetricThresholdEvaluator.Evaluate(ev));
        Assert.Equal(
            ["sensu.io/notifications/critical", "sensu.io/output_metric_thresholds/disk_rate/max/critical"],
            Annotations(ev).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The value of disk_rate exceeded the configured threshold (max: 50000.0, actual: 99999).",
            Annotations(ev)["sensu.io/notifications/critical"]);
    }

    [Fact]
    public void A_value_within_the_bounds_keeps_ok_and_records_the_comparison()
    {
        var ev = EventWith(0, [Disk], Threshold("disk_rate", rules: new MetricThresholdRule { Min = "50000", Max = "200000", Status = 2 }));

        Assert.Equal(0u, MetricThresholdEvaluator.Evaluate(ev));
        Assert.Equal(
            ["sensu.io/notifications/ok", "sensu.io/output_metric_thresholds/disk_rate/max/ok", "sensu.io/output_metric_thresholds/disk_rate/min/ok"],
            Annotations(ev).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The value of disk_rate is within the configured threshold (max: 200000, actual: 99999).",
            Annotations(ev)["sensu.io/notifications/ok"]);
    }

    [Fact]
    public void The_highest_status_of_the_broken_rules_wins()
    {
        var ev = EventWith(0, [Disk], Threshold("disk_rate", rules:
        [
            new MetricThresholdRule { Min = "200000.0", Status = 1 },
            new MetricThresholdRule { Max = "75000.0", Status = 2 },
        ]));

        Assert.Equal(2u, MetricThresholdEvaluator.Evaluate(ev));
        Assert.Contains("sensu.io/output_metric_thresholds/disk_rate/min/warning", Annotations(ev).Keys);
        Assert.Contains("sensu.io/output_metric_thresholds/disk_rate/max/critical", Annotations(ev).Keys);
        Assert.Contains("sensu.io/notifications/critical", Annotations(ev).Keys);
    }

    [Fact]
    public void Tags_must_all_match_and_appear_in_the_annotation_key()
    {
        var eth1 = Threshold("network_rate", tags: [new MetricTag { Name = "device", Value = "eth1" }], rules: new MetricThresholdRule { Max = "1", Status = 2 });
        var eth0 = Threshold("network_rate", tags: [new MetricTag { Name = "device", Value = "eth0" }], rules: new MetricThresholdRule { Max = "40000", Status = 3 });
        var ev = EventWith(0, [Disk, Network], eth1, eth0);

        Assert.Equal(3u, MetricThresholdEvaluator.Evaluate(ev));
        Assert.Equal(
            ["sensu.io/notifications/unknown", "sensu.io/output_metric_thresholds/network_rate.eth0/max/unknown"],
            Annotations(ev).Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The value of network_rate (device=eth0) exceeded the configured threshold (max: 40000, actual: 100001).",
            Annotations(ev)["sensu.io/notifications/unknown"]);
    }

    [Fact]
    public void A_missing_metric_takes_the_null_status()
    {
        var ev = EventWith(0, [Disk], Threshold("not_a_disk_rate", nullStatus: 1, rules: new MetricThresholdRule { Min = "1", Max = "200000.0", Status = 2 }));

        Assert.Equal(1u, MetricThresholdEvaluator.Evaluate(ev));
        Assert.Equal(
            "WARNING : no metric matching \"not_a_disk_rate\" was found; expected min: 1 - max: 200000.0 (status: critical)",
            Annotations(ev)["sensu.io/output_metric_thresholds/not_a_disk_rate/null-status/warning"]);
        Assert.Equal(2, Annotations(ev).Count);
    }

    [Fact]
    public void A_missing_metric_without_a_null_status_changes_nothing()
    {
        var ev = EventWith(0, [Disk], Threshold("not_a_disk_rate", rules: new MetricThresholdRule { Max = "1", Status = 2 }));

        Assert.Equal(0u, MetricThresholdEvaluator.Evaluate(ev));
        Assert.Null(ev.Metadata.Annotations);
    }

    [Fact]
    public void A_failing_command_is_left_as_it_is()
    {
        var ev = EventWith(1, [Disk], Threshold("disk_rate", rules: new MetricThresholdRule { Max = "1", Status = 2 }));

        Assert.Equal(1u, MetricThresholdEvaluator.Evaluate(ev));
        Assert.Null(ev.Metadata.Annotations);
    }

    [Theory]
    [InlineData(0u, "ok")]
    [InlineData(1u, "warning")]
    [InlineData(2u, "critical")]
    [InlineData(3u, "unknown")]
    [InlineData(42u, "unknown")]
    public void Status_captions_are_sensus(uint status, string caption) =>
        Assert.Equal(caption, MetricThresholdEvaluator.Caption(status));
}
