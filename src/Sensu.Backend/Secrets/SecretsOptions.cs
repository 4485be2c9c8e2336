namespace Sensu.Backend.Secrets;

/// <summary>Secrets resolution settings, validated at start.</summary>
public sealed class SecretsOptions
{
    /// <summary>Longest accepted <see cref="DefaultTtl"/>.</summary>
    public static readonly TimeSpan MaximumTtl = TimeSpan.FromDays(1);

    /// <summary>
    /// How long a value is cached when its provider gives no lease (e.g. Vault KV v2, whose reads carry none).
    /// Zero disables caching of such values. Default: one minute.
    /// </summary>
    public TimeSpan DefaultTtl { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The backend's own credentials (<c>--cluster-admin-password</c>, <c>--cluster-admin-api-key</c>): known to the
    /// scrubber from start (<see cref="StartupScrubValues"/>), and no variable holding one is passed to a command
    /// (<see cref="ChildEnvironmentAllowList"/>).
    /// </summary>
    public List<string> Credentials { get; } = [];

    /// <summary>
    /// The environment variables that set the backend's non-credential settings (<c>SENSU_BACKEND_STATE_DIR</c>...):
    /// configuration, not secrets, so their values are not scrubbed from start.
    /// </summary>
    public HashSet<string> SettingVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>Null when valid, else the reason.</summary>
    public string? Validate()
    {
        if (DefaultTtl < TimeSpan.Zero)
            return $"secrets default TTL must not be negative (got {DefaultTtl})";
        if (DefaultTtl > MaximumTtl)
            return $"secrets default TTL must be at most {MaximumTtl} (got {DefaultTtl})";
        return null;
    }
}
