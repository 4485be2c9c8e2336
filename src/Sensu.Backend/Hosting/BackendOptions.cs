using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Hosting;

/// <summary>
/// The backend's settings, named as Sensu names its flags (core-spec §11.2). Bound from flags,
/// <c>SENSU_BACKEND_*</c> variables and <c>backend.yml</c> by <see cref="BackendSettings"/>.
/// </summary>
public sealed class BackendOptions
{
    [Required]
    public string StateDir { get; set; } = "/var/lib/sensu/sensu-backend";

    [Required]
    public string CacheDir { get; set; } = "/var/cache/sensu/sensu-backend";

    [Required]
    public string ApiListenAddress { get; set; } = "[::]:8080";

    [Required]
    public string ApiUrl { get; set; } = "http://localhost:8080";

    [Range(1, int.MaxValue)]
    public int ApiRequestLimit { get; set; } = 512000;

    public string AgentHost { get; set; } = "[::]";

    [Range(0, 65535)]
    public int AgentPort { get; set; } = 8081;

    /// <summary>Agent listener TLS certificate (PEM); without it the agent port uses <see cref="CertFile"/>.</summary>
    public string? AgentAuthCertFile { get; set; }

    public string? AgentAuthKeyFile { get; set; }

    /// <summary>CA bundle (PEM) whose client certificates authenticate agents (mTLS); password auth is then refused.</summary>
    public string? AgentAuthTrustedCaFile { get; set; }

    /// <summary>Accepted for compatibility; revocation lists are not consulted (logged at start).</summary>
    public string? AgentAuthCrlUrls { get; set; }

    /// <summary>Seconds a message to an agent may take to be written before its session is closed.</summary>
    [Range(1, int.MaxValue)]
    public int AgentWriteTimeout { get; set; } = 15;

    /// <summary>Events per second one agent session may send; 0 = unlimited.</summary>
    [Range(0, int.MaxValue)]
    public int AgentRateLimit { get; set; }

    /// <summary>Events one agent session may send at once above the rate; 0 = the rate (at least 1).</summary>
    [Range(0, int.MaxValue)]
    public int AgentBurstLimit { get; set; }

    /// <summary>Asset fetches per second (Sensu's default 1.39); 0 = unlimited.</summary>
    [Range(0, int.MaxValue)]
    public double AssetsRateLimit { get; set; } = 1.39;

    /// <summary>Asset fetches allowed in a burst (Sensu's default 100).</summary>
    [Range(0, int.MaxValue)]
    public int AssetsBurstLimit { get; set; } = 100;

    public string DashboardHost { get; set; } = "[::]";

    [Range(0, 65535)]
    public int DashboardPort { get; set; } = 3000;

    [RegularExpression("^(panic|fatal|error|warn|warning|info|debug|trace)$", ErrorMessage = "log-level must be one of panic, fatal, error, warn, info, debug, trace")]
    public string LogLevel { get; set; } = "warn";

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public string? TrustedCaFile { get; set; }

    public bool InsecureSkipTlsVerify { get; set; }

    public string? DeregistrationHandler { get; set; }

    [Range(1, 10000)]
    public int EventdWorkers { get; set; } = 100;

    [Range(1, int.MaxValue)]
    public int EventdBufferSize { get; set; } = 1000;

    [Range(1, 10000)]
    public int KeepalivedWorkers { get; set; } = 100;

    [Range(1, int.MaxValue)]
    public int KeepalivedBufferSize { get; set; } = 1000;

    [Range(1, 10000)]
    public int PipelinedWorkers { get; set; } = 100;

    [Range(1, int.MaxValue)]
    public int PipelinedBufferSize { get; set; } = 1000;

    public string? EventLogFile { get; set; }

    /// <summary>Admin created by <c>init</c> (or by the first <c>start</c> on an empty store).</summary>
    public string? ClusterAdminUsername { get; set; }

    public string? ClusterAdminPassword { get; set; }

    public string? ClusterAdminApiKey { get; set; }

    /// <summary>
    /// Comma-separated names of the backend's variables that pipe handlers and mutators inherit; null = the default
    /// list (see <see cref="Secrets.ChildEnvironmentAllowList"/>).
    /// </summary>
    [Secrets.ValidChildEnvAllowList]
    public string? ChildEnvAllowList { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    public Dictionary<string, string> Annotations { get; set; } = [];

    /// <summary>Durability of store commits: <c>full</c> (fsync every commit, the default) or <c>normal</c>.</summary>
    [RegularExpression("^(full|normal)$", ErrorMessage = "store-sync must be one of full, normal")]
    public string StoreSync { get; set; } = "full";
}
