using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.LoadTool;

/// <summary>
/// Issue 16 point 6: the backend's memory while unpaginated event lists are read. Seeds events through the API
/// (<c>--events</c>, about 1.2 KB each, 100 checks per proxy entity), then reads <c>--lists</c> unpaginated
/// <c>GET /namespaces/NS/events</c> at once, each body read as it arrives and discarded, sampling the backend's RSS
/// every 100 ms: idle before, peak during, and settled 10 s after, each also as a difference from idle.
/// </summary>
public sealed class ListMemoryRun(BackendApi api, LoadOptions options, TimeProvider time)
{
    private const int ChecksPerEntity = 100;
    private static readonly string Output = new('x', 900);

    public async Task SeedAsync(int events, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var next = -1L;
        var workers = Enumerable.Range(0, 32).Select(async _ =>
        {
            long i;
            while ((i = Interlocked.Increment(ref next)) < events)
                await api.PostEventAsync(EventJson(i), cancellationToken).ConfigureAwait(false);
        });
        await Task.WhenAll(workers).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {events} events in {time.GetElapsedTime(started).TotalSeconds:F0} s"));
    }

    public async Task MeasureAsync(int lists, CancellationToken cancellationToken)
    {
        var sampler = new ProcessSampler(options.BackendPid, time);
        if (!sampler.Available)
            throw new InvalidOperationException("--backend-pid must name the running backend");
        await api.LoginAsync(cancellationToken).ConfigureAwait(false);

        var idle = await SettleAsync(sampler, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        long peak = idle;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampleLoop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100), time);
            while (await timer.WaitForNextTickAsync(sampling.Token).ConfigureAwait(false))
            {
                sampler.Sample();
                peak = Math.Max(peak, sampler.LastRssBytes);
            }
        }, sampling.Token);

        var started = Stopwatch.GetTimestamp();
        var bytes = await Task.WhenAll(Enumerable.Range(0, lists).Select(_ => ReadListAsync(cancellationToken))).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await sampling.CancelAsync().ConfigureAwait(false);
        try
        {
            await sampleLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The sampler stops here.
        }

        var after = await SettleAsync(sampler, TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lists} concurrent lists of {bytes.Min() / 1e6:F1}-{bytes.Max() / 1e6:F1} MB in {elapsed.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RSS idle {Mb(idle)} MB | peak {Mb(peak)} MB (+{Mb(peak - idle)}) | 10 s after {Mb(after)} MB (+{Mb(after - idle)})"));
    }

    private async Task<long> ReadListAsync(CancellationToken cancellationToken)
    {
        using var response = await api.GetStreamingAsync($"/api/core/v2/namespaces/{options.Namespace}/events", cancellationToken).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                total += n;
            return total;
        }
    }

    private async Task<long> SettleAsync(ProcessSampler sampler, TimeSpan wait, CancellationToken cancellationToken)
    {
        await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        sampler.Sample();
        return sampler.LastRssBytes;
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private byte[] EventJson(long i)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var entity = "list-e" + (i / ChecksPerEntity).ToString("D5", CultureInfo.InvariantCulture);
        var check = "list-c" + (i % ChecksPerEntity).ToString("D3", CultureInfo.InvariantCulture);
        var ev = new Event
        {
            Entity = new Entity { Metadata = new ObjectMeta { Name = entity, Namespace = options.Namespace }, EntityClass = "proxy" },
            Check = new Check
            {
                Metadata = new ObjectMeta { Name = check, Namespace = options.Namespace },
                Interval = 60,
                Executed = now,
                Issued = now,
                Output = Output,
            },
            Timestamp = now,
        };
        return JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event);
    }
}
