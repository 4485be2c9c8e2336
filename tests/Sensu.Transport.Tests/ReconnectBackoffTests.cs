namespace Sensu.Transport.Tests;

public class ReconnectBackoffTests
{
    [Fact]
    public void Doubles_from_one_second_up_to_two_minutes()
    {
        var backoff = new ReconnectBackoff();
        var waits = Enumerable.Range(0, 10).Select(_ => backoff.Next(tooManyRequests: false).TotalSeconds).ToList();

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 120, 120, 120], waits);
    }

    [Fact]
    public void Too_many_requests_doubles_the_step()
    {
        var backoff = new ReconnectBackoff();

        Assert.Equal(2, backoff.Next(tooManyRequests: true).TotalSeconds);
        Assert.Equal(4, backoff.Next(tooManyRequests: false).TotalSeconds);
        Assert.Equal(16, backoff.Next(tooManyRequests: true).TotalSeconds);
    }

    [Fact]
    public void Reset_starts_again_at_the_minimum()
    {
        var backoff = new ReconnectBackoff();
        backoff.Next(false);
        backoff.Next(false);
        backoff.Reset();

        Assert.Equal(1, backoff.Next(false).TotalSeconds);
    }
}
