namespace Sensu.Execution.Assets;

/// <summary>Runtime asset settings, named after Sensu's flags (<c>--cache-dir</c>, <c>--assets-rate-limit</c>, <c>--assets-burst-limit</c>, <c>--trusted-ca-file</c>).</summary>
public sealed class RuntimeAssetOptions
{
    /// <summary>Assets are unpacked into <c>&lt;CacheDirectory&gt;/&lt;sha512&gt;/</c>.</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Downloads per second (Sensu's default 1.39); zero or less means unlimited.</summary>
    public double RateLimit { get; init; } = 1.39;

    /// <summary>Downloads that may start at once before pacing begins (Sensu's default 100).</summary>
    public int BurstLimit { get; init; } = 100;

    /// <summary>PEM file of CA certificates trusted for HTTPS downloads, in addition to the system's.</summary>
    public string? TrustedCaFile { get; init; }
}
