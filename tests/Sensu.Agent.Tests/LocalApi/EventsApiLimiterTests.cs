using System.Diagnostics;
using Sensu.Agent.Configuration;
using Sensu.Agent.LocalApi;

namespace Sensu.Agent.Tests.LocalApi;

public sealed class EventsApiLimiterTests
{
    [Fact]
    public void Sensus_defaults_are_ten_a_second_with_a_burst_of_ten()
    {
        var options = new AgentOptions();
        Assert.Equal(10, options.EventsRateLimit);
        Assert.Equal(10, options.EventsBurstLimit);
    }

    [Fact]
    public async Task Beyond_the_burst_requests_wait_for_their_turn_and_all_pass()
    {
        using var limiter = new EventsApiLimiter(new AgentOptions { EventsRateLimit = 20, EventsBurstLimit = 2 });
        var watch = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => limiter.WaitAsync(CancellationToken.None).AsTask()));

        Assert.All(outcomes, Assert.True);
        // Two from the burst, then four more at one every 50 ms.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(150), $"six requests passed in {watch.Elapsed}");
    }

    [Fact]
    public async Task A_rate_of_zero_means_no_limit()
    {
        using var limiter = new EventsApiLimiter(new AgentOptions { EventsRateLimit = 0, EventsBurstLimit = 1 });
        for (var i = 0; i < 1_000; i++)
        {
            var wait = limiter.WaitAsync(CancellationToken.None);
            Assert.True(wait.IsCompletedSuccessfully);
            Assert.True(await wait);
        }
    }

    [Fact]
    public async Task A_waiting_request_can_be_cancelled()
    {
        using var limiter = new EventsApiLimiter(new AgentOptions { EventsRateLimit = 0.1, EventsBurstLimit = 1 });
        Assert.True(await limiter.WaitAsync(CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => limiter.WaitAsync(cts.Token).AsTask());
    }
}
