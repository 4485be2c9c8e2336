namespace Sensu.Testing.Vault;

/// <summary>
/// Fault switches of a <see cref="FakeVault"/>: a delay before every answer, a sealed Vault (503
/// <c>Vault is sealed</c>), and a queue of error statuses answered to the next requests (429, 412, 500, ...).
/// </summary>
public sealed class FakeVaultFaults
{
    private readonly Lock _lock = new();
    private readonly Queue<(int Status, TimeSpan? RetryAfter)> _failures = new();
    private TimeSpan _delay;
    private bool _sealed;

    /// <summary>Wait this long before answering each request (for timeout tests).</summary>
    public TimeSpan Delay
    {
        get { lock (_lock) return _delay; }
        set { lock (_lock) _delay = value; }
    }

    /// <summary>Answer every request with 503 <c>{"errors":["Vault is sealed"]}</c>.</summary>
    public bool Sealed
    {
        get { lock (_lock) return _sealed; }
        set { lock (_lock) _sealed = value; }
    }

    /// <summary>Answer the next <paramref name="count"/> requests with <paramref name="status"/> (and a <c>Retry-After</c>).</summary>
    public void FailNext(int count, int status, TimeSpan? retryAfter = null)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
                _failures.Enqueue((status, retryAfter));
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _failures.Clear();
            _delay = TimeSpan.Zero;
            _sealed = false;
        }
    }

    internal bool TryTakeFailure(out int status, out TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            if (_sealed)
            {
                (status, retryAfter) = (503, null);
                return true;
            }
            if (_failures.TryDequeue(out var failure))
            {
                (status, retryAfter) = failure;
                return true;
            }
            (status, retryAfter) = (0, null);
            return false;
        }
    }

    internal static string MessageFor(int status, bool sealedVault) => status switch
    {
        503 when sealedVault => "Vault is sealed",
        503 => "Vault is in maintenance",
        429 => "request path \"\": rate limit quota exceeded",
        412 => "required index state not present",
        501 => "Vault is not initialized",
        502 => "upstream error",
        _ => "internal error",
    };
}
