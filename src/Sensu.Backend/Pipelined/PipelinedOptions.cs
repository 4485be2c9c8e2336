using System.ComponentModel.DataAnnotations;
using Sensu.Backend.Secrets;

namespace Sensu.Backend.Pipelined;

/// <summary>
/// The pipeline's settings, validated at start: its queue (<c>--pipelined-workers</c>, <c>--pipelined-buffer-size</c>),
/// the <c>--event-log-file</c>, the base environment of pipe handlers and mutators (<c>--child-env-allow-list</c>)
/// and the runtime asset installer (<c>--cache-dir</c>, <c>--assets-rate-limit</c>, <c>--assets-burst-limit</c>,
/// <c>--trusted-ca-file</c>).
/// </summary>
public sealed class PipelinedOptions
{
    [Range(1, 10000, ErrorMessage = "pipelined-workers must be between 1 and 10000")]
    public int Workers { get; set; } = 100;

    [Range(1, int.MaxValue, ErrorMessage = "pipelined-buffer-size must be at least 1")]
    public int BufferSize { get; set; } = 1000;

    /// <summary>Every event handled is appended there as a JSON line; null = no event log.</summary>
    public string? EventLogFile { get; set; }

    /// <summary>
    /// Comma-separated names of the backend's variables that pipe handlers and mutators inherit; null = the default
    /// list (see <see cref="ChildEnvironmentAllowList"/>).
    /// </summary>
    [ValidChildEnvAllowList]
    public string? ChildEnvAllowList { get; set; }

    /// <summary>Where runtime assets are expanded.</summary>
    [Required(ErrorMessage = "cache-dir must not be empty")]
    public string CacheDir { get; set; } = "/var/cache/sensu/sensu-backend";

    /// <summary>Asset fetches per second (Sensu's default 1.39); 0 = unlimited.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "assets-rate-limit must not be negative")]
    public double AssetsRateLimit { get; set; } = 1.39;

    /// <summary>Asset fetches allowed in a burst (Sensu's default 100).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "assets-burst-limit must not be negative")]
    public int AssetsBurstLimit { get; set; } = 100;

    /// <summary>CA bundle (PEM) trusted when fetching assets.</summary>
    public string? TrustedCaFile { get; set; }
}
