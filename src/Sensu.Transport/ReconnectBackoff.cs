namespace Sensu.Transport;

/// <summary>
/// Sensu's agent reconnect backoff (core-spec §6.1): starts at <c>retry-min</c> (1 s), multiplies by
/// <c>retry-multiplier</c> (2.0) up to <c>retry-max</c> (120 s); an HTTP 429 answer doubles the step again.
/// Not thread-safe: one per connection loop.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan min;
    private readonly TimeSpan max;
    private readonly double multiplier;
    private TimeSpan current;

    public ReconnectBackoff()
        : this(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(120), 2.0)
    {
    }

    public ReconnectBackoff(TimeSpan min, TimeSpan max, double multiplier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        ArgumentOutOfRangeException.ThrowIfLessThan(multiplier, 1.0);
        this.min = min;
        this.max = max;
        this.multiplier = multiplier;
        current = min;
    }

    /// <summary>The wait before the next attempt; advances the step.</summary>
    public TimeSpan Next(bool tooManyRequests)
    {
        var wait = tooManyRequests ? Clamp(current * 2) : current;
        current = Clamp(wait * multiplier);
        return wait;
    }

    /// <summary>Back to <c>retry-min</c> after a successful connection.</summary>
    public void Reset() => current = min;

    private TimeSpan Clamp(TimeSpan value) => value > max ? max : value;
}
