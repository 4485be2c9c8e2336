using System.Threading.RateLimiting;
using Sensu.Agent.Configuration;

namespace Sensu.Agent.LocalApi;

/// <summary>
/// <c>events-rate-limit</c> / <c>events-burst-limit</c>: events accepted per second by <c>POST /events</c> (Sensu's
/// defaults 10 and 10). A request beyond the rate waits for its turn instead of being dropped; only when
/// <see cref="QueueLimit"/> requests already wait is it refused (429). A rate of 0 or less means no limit.
/// </summary>
internal sealed class EventsApiLimiter : IDisposable
{
    /// <summary>Most requests waiting for a token at once.</summary>
    public const int QueueLimit = 1_000;

    private readonly TokenBucketRateLimiter? _limiter;

    public EventsApiLimiter(AgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.EventsRateLimit <= 0)
            return;
        // One token every 1/rate seconds (at least a millisecond apart: beyond 1,000/s, several per period).
        var perToken = TimeSpan.FromSeconds(1 / options.EventsRateLimit);
        var period = perToken < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : perToken;
        var tokens = (int)Math.Max(1, Math.Round(period / perToken));
        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, options.EventsBurstLimit),
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>Waits for a token; false when too many requests are already waiting.</summary>
    public async ValueTask<bool> WaitAsync(CancellationToken cancellationToken)
    {
        if (_limiter is null)
            return true;
        using var lease = await _limiter.AcquireAsync(1, cancellationToken);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
