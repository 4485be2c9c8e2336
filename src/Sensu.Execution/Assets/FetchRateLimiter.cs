namespace Sensu.Execution.Assets;

/// <summary>
/// A token bucket that paces instead of refusing: <c>burst</c> downloads may start at once, later ones wait for the
/// bucket to refill at <c>ratePerSecond</c>. Each caller reserves a token (the balance may go negative) and waits out
/// its share of the deficit, so waiters are served in arrival order. Written here rather than taken from
/// System.Threading.RateLimiting because that assembly is not part of the base framework this library targets.
/// </summary>
internal sealed class FetchRateLimiter(double ratePerSecond, int burst, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly double _capacity = Math.Max(1, burst);
    private double _tokens = Math.Max(1, burst);
    private long _updated = timeProvider.GetTimestamp();

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (ratePerSecond <= 0)
            return;
        TimeSpan delay;
        lock (_gate)
        {
            var now = timeProvider.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + timeProvider.GetElapsedTime(_updated, now).TotalSeconds * ratePerSecond);
            _updated = now;
            _tokens -= 1;
            if (_tokens >= 0)
                return;
            delay = TimeSpan.FromSeconds(-_tokens / ratePerSecond);
        }
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
                _tokens += 1;
            throw;
        }
    }
}
