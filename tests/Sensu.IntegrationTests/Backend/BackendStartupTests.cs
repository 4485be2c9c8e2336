using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Backend;

/// <summary>
/// A fresh backend process (new store, admin seeded) answers <c>/health</c>. How fast is a figure for the start-up
/// benchmark, not an assertion: the time is written to the test output only.
/// </summary>
public sealed class BackendStartupTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Health_answers_after_a_fresh_start()
    {
        await using var backend = await BackendProcess.StartAsync(CancellationToken.None);
        using var client = new HttpClient { BaseAddress = backend.ApiUrl };
        var health = await client.GetAsync("/health");
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
        output.WriteLine($"start → /health 200: {backend.StartupTime.TotalMilliseconds:F0} ms");
    }
}
