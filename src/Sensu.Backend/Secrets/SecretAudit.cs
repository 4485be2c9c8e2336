namespace Sensu.Backend.Secrets;

/// <summary>
/// The latest resolution of each secret (namespace and name), in memory, fed by <see cref="SecretsResolver"/> beside
/// its audit log line: who (the consumer) resolved it, when, with what outcome. Bounded to <see cref="Capacity"/>
/// secrets; when full, the entry resolved longest ago makes room. Holds names and outcomes only, never a value.
/// </summary>
public sealed class SecretAudit(TimeProvider time)
{
    public const int Capacity = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Namespace, string Secret), SecretResolution> _latest = [];

    public void Record(string @namespace, string secret, string consumer, string provider, string outcome)
    {
        var entry = new SecretResolution(@namespace, secret, consumer, provider, outcome, time.GetUtcNow());
        lock (_gate)
        {
            if (_latest.Count >= Capacity && !_latest.ContainsKey((@namespace, secret)))
                _latest.Remove(_latest.MinBy(e => e.Value.At).Key);
            _latest[(@namespace, secret)] = entry;
        }
    }

    /// <summary>The latest resolution of <paramref name="secret"/> in <paramref name="namespace"/>, if any since start.</summary>
    public SecretResolution? Latest(string @namespace, string secret)
    {
        lock (_gate)
            return _latest.GetValueOrDefault((@namespace, secret));
    }
}
