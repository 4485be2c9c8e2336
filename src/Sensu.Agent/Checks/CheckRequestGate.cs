using System.Diagnostics.CodeAnalysis;

namespace Sensu.Agent.Checks;

/// <summary>
/// Drops requests Sensu's agent drops (core-spec §6.4 step 1): one whose <c>issued</c> is not newer than the last
/// one seen for that check, and one for a check still running. Thread-safe.
/// </summary>
internal sealed class CheckRequestGate
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _lastIssued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);

    /// <summary>True when the request may run (it is then marked running); otherwise the reason it was dropped.</summary>
    public bool TryBegin(string key, long issued, [NotNullWhen(false)] out string? reason)
    {
        lock (_lock)
        {
            if (_lastIssued.TryGetValue(key, out var last) && issued <= last)
            {
                reason = issued == last ? "duplicate request" : "old request";
                return false;
            }
            if (_running.Contains(key))
            {
                reason = "check is already in progress";
                return false;
            }
            _lastIssued[key] = issued;
            _running.Add(key);
            reason = null;
            return true;
        }
    }

    public void End(string key)
    {
        lock (_lock)
            _running.Remove(key);
    }

    public bool IsRunning(string key)
    {
        lock (_lock)
            return _running.Contains(key);
    }
}
