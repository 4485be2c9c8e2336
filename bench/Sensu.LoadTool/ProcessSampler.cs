using System.Globalization;

namespace Sensu.LoadTool;

/// <summary>CPU time and resident memory of a process, read from /proc (Linux), sampled once a second.</summary>
public sealed class ProcessSampler(int pid, TimeProvider time)
{
    private const double TicksPerSecond = 100.0;

    private double _startCpu;
    private long _startTimestamp;

    public long MaxRssBytes { get; private set; }

    public long LastRssBytes { get; private set; }

    public bool Available => pid > 0 && File.Exists($"/proc/{pid}/stat");

    public void Start()
    {
        _startCpu = CpuSeconds();
        _startTimestamp = time.GetTimestamp();
        MaxRssBytes = 0;
    }

    public void Sample()
    {
        if (!Available)
            return;
        LastRssBytes = RssBytes();
        MaxRssBytes = Math.Max(MaxRssBytes, LastRssBytes);
    }

    /// <summary>Average CPU use since <see cref="Start"/>, in percent of one core.</summary>
    public double CpuPercent()
    {
        var elapsed = time.GetElapsedTime(_startTimestamp).TotalSeconds;
        return elapsed <= 0 ? 0 : (CpuSeconds() - _startCpu) / elapsed * 100.0;
    }

    private double CpuSeconds()
    {
        if (!Available)
            return 0;
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // Fields after the command name (which may contain spaces) start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var user = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var system = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return (user + system) / TicksPerSecond;
    }

    private long RssBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kb = line["VmRSS:".Length..].Trim().Split(' ')[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }
}
