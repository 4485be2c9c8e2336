using System.Globalization;
using Spectre.Console;

namespace Sensu.LoadTool;

/// <summary>The figures of one run, printed as a table.</summary>
public sealed class LoadReport
{
    public int Agents { get; init; }

    public int ConnectFailures { get; init; }

    public int AgentsLost { get; init; }

    public double Seconds { get; init; }

    public double SentPerSecond { get; init; }

    public double ProcessedPerSecond { get; init; }

    public double[] LatencyMillis { get; init; } = [];

    public double? BackendCpuPercent { get; init; }

    public long? BackendMaxRssBytes { get; init; }

    public double ToolCpuPercent { get; init; }

    public int KeepaliveAlerts { get; init; }

    public int SendErrors { get; init; }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];

    public void Print()
    {
        var table = new Table().AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        static string F(double v, string format = "F1") => v.ToString(format, CultureInfo.InvariantCulture);
        Row("agents (connect failures, lost)", $"{Agents} ({ConnectFailures}, {AgentsLost})");
        Row("measured seconds", F(Seconds));
        Row("results sent / s (send errors)", $"{F(SentPerSecond)} ({SendErrors})");
        Row("events processed by backend / s", F(ProcessedPerSecond));
        Row("latency samples", LatencyMillis.Length.ToString(CultureInfo.InvariantCulture));
        Row("latency p50 ms", F(Percentile(LatencyMillis, 50)));
        Row("latency p99 ms", F(Percentile(LatencyMillis, 99)));
        Row("latency max ms", F(LatencyMillis.Length == 0 ? double.NaN : LatencyMillis[^1]));
        Row("backend CPU % of one core", BackendCpuPercent is { } cpu ? F(cpu) : "n/a (no --backend-pid)");
        Row("backend max RSS MiB", BackendMaxRssBytes is { } rss ? F(rss / 1048576.0) : "n/a (no --backend-pid)");
        Row("load tool CPU % of one core", F(ToolCpuPercent));
        Row("agents with a keepalive alert during the run", KeepaliveAlerts.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }
}
