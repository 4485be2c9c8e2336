using Sensu.Agent.Metrics;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Tests.Metrics;

public sealed class MetricExtractorTests
{
    private const long Executed = 1_700_000_000;

    private static List<MetricPoint> Extract(string format, string output, List<MetricTag>? tags = null) =>
        MetricExtractor.Extract(format, output, Executed, tags);

    private static string Tags(MetricPoint p) => string.Join(",", p.Tags.Select(t => t.Name + "=" + t.Value));

    [Fact]
    public void Nagios_perfdata()
    {
        var points = Extract("nagios_perfdata", "PING OK - Packet loss = 0%, RTA = 0.80 ms | percent_packet_loss=0%;80;100;0;100 rta=0.80ms;200;500;0 bad");

        Assert.Equal(2, points.Count);
        Assert.Equal(("percent_packet_loss", 0.0, Executed), (points[0].Name, points[0].Value, points[0].Timestamp));
        Assert.Equal(("rta", 0.80), (points[1].Name, points[1].Value));
        Assert.Empty(Extract("nagios_perfdata", "no perfdata here"));
    }

    [Fact]
    public void Graphite_plaintext()
    {
        var points = Extract("graphite_plaintext", "local.cpu 42.5 1700000123\nbad line\nlocal.mem 7 1700000123456\n");

        Assert.Equal(2, points.Count);
        Assert.Equal(("local.cpu", 42.5, 1700000123L), (points[0].Name, points[0].Value, points[0].Timestamp));
        Assert.Equal(1700000123L, points[1].Timestamp);
    }

    [Fact]
    public void Influxdb_line_one_point_per_field_with_tags()
    {
        var points = Extract("influxdb_line", "weather,location=us-midwest,season=summer temperature=82,humidity=71 1465839830100400200\ncpu value=1\n");

        Assert.Equal(3, points.Count);
        Assert.Equal("weather.temperature", points[0].Name);
        Assert.Equal(82, points[0].Value);
        Assert.Equal(1465839830L, points[0].Timestamp);
        Assert.Equal("location=us-midwest,season=summer", Tags(points[0]));
        Assert.Equal("weather.humidity", points[1].Name);
        Assert.Equal(("cpu.value", Executed), (points[2].Name, points[2].Timestamp));
    }

    [Fact]
    public void Opentsdb_line()
    {
        var points = Extract("opentsdb_line", "sys.cpu.user 1356998400 42.5 host=webserver01 cpu=0\nput sys.cpu.nice 1356998400 1 host=a\n");

        Assert.Equal(2, points.Count);
        Assert.Equal(("sys.cpu.user", 42.5, 1356998400L), (points[0].Name, points[0].Value, points[0].Timestamp));
        Assert.Equal("host=webserver01,cpu=0", Tags(points[0]));
        Assert.Equal("sys.cpu.nice", points[1].Name);
    }

    [Fact]
    public void Prometheus_text_with_type_help_labels_and_timestamps()
    {
        var output = """
            # HELP http_requests_total The total number of HTTP requests.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200"} 1027 1395066363000
            http_requests_total{method="post",code="400"}    3 1395066363000
            go_goroutines 8
            nan_metric NaN
            """;

        var points = Extract("prometheus_text", output);

        Assert.Equal(3, points.Count);
        Assert.Equal(("http_requests_total", 1027.0, 1395066363L), (points[0].Name, points[0].Value, points[0].Timestamp));
        Assert.Equal("method=post,code=200,prom_type=counter,prom_help=The total number of HTTP requests.", Tags(points[0]));
        Assert.Equal(("go_goroutines", 8.0, Executed), (points[2].Name, points[2].Value, points[2].Timestamp));
        Assert.Equal("prom_type=untyped", Tags(points[2]));
    }

    [Fact]
    public void Output_metric_tags_are_added_to_every_point_and_override()
    {
        var points = Extract("opentsdb_line", "m 1356998400 1 env=dev", [new MetricTag { Name = "env", Value = "prod" }, new MetricTag { Name = "dc", Value = "x" }]);

        Assert.Equal("env=prod,dc=x", Tags(Assert.Single(points)));
    }

    [Fact]
    public void Unknown_format_gives_no_points() => Assert.Empty(Extract("json", "{}"));
}
