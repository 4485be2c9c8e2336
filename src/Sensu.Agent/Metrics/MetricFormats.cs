namespace Sensu.Agent.Metrics;

/// <summary>The <c>output_metric_format</c> values (core-spec §3.1).</summary>
internal static class MetricFormats
{
    public const string NagiosPerfdata = "nagios_perfdata";
    public const string GraphitePlaintext = "graphite_plaintext";
    public const string InfluxDbLine = "influxdb_line";
    public const string OpenTsdbLine = "opentsdb_line";
    public const string PrometheusText = "prometheus_text";
}
