using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Hosting;

/// <summary>
/// The backend's settings as parsed, named as Sensu names its flags (core-spec §11.2), bound from flags,
/// <c>SENSU_BACKEND_*</c> variables and <c>backend.yml</c> by <see cref="BackendSettings"/>. Used only in
/// <c>Hosting/</c>: the binding source of each daemon's own options (<see cref="BackendOptionsBinding"/>), which
/// hold the rules and are validated at start.
/// </summary>
public sealed class BackendOptions
{
    public string StateDir { get; set; } = "/var/lib/sensu/sensu-backend";

    public string CacheDir { get; set; } = "/var/cache/sensu/sensu-backend";

    public string ApiListenAddress { get; set; } = "[::]:8080";

    public string ApiUrl { get; set; } = "http://localhost:8080";

    public int ApiRequestLimit { get; set; } = 512000;

    public string AgentHost { get; set; } = "[::]";

    public int AgentPort { get; set; } = 8081;

    /// <summary>Agent listener TLS certificate (PEM); without it the agent port uses <see cref="CertFile"/>.</summary>
    public string? AgentAuthCertFile { get; set; }

    public string? AgentAuthKeyFile { get; set; }

    /// <summary>CA bundle (PEM) whose client certificates authenticate agents (mTLS); password auth is then refused.</summary>
    public string? AgentAuthTrustedCaFile { get; set; }

    /// <summary>Accepted for compatibility; revocation lists are not consulted (logged at start).</summary>
    public string? AgentAuthCrlUrls { get; set; }

    /// <summary>Seconds a message to an agent may take to be written before its session is closed.</summary>
    public int AgentWriteTimeout { get; set; } = 15;

    /// <summary>Events per second one agent session may send; 0 = unlimited.</summary>
    public int AgentRateLimit { get; set; }

    /// <summary>Events one agent session may send at once above the rate; 0 = the rate (at least 1).</summary>
    public int AgentBurstLimit { get; set; }

    /// <summary>Asset fetches per second (Sensu's default 1.39); 0 = unlimited.</summary>
    public double AssetsRateLimit { get; set; } = 1.39;

    /// <summary>Asset fetches allowed in a burst (Sensu's default 100).</summary>
    public int AssetsBurstLimit { get; set; } = 100;

    public string DashboardHost { get; set; } = "[::]";

    public int DashboardPort { get; set; } = 3000;

    /// <summary>Dashboard TLS certificate (PEM); with <see cref="DashboardKeyFile"/> the dashboard speaks HTTPS.</summary>
    public string? DashboardCertFile { get; set; }

    public string? DashboardKeyFile { get; set; }

    [RegularExpression("^(panic|fatal|error|warn|warning|info|debug|trace)$", ErrorMessage = "log-level must be one of panic, fatal, error, warn, info, debug, trace")]
    public string LogLevel { get; set; } = "warn";

    /// <summary><c>json</c> (Sensu's JSON lines) or <c>text</c>.</summary>
    public string LogFormat { get; set; } = "json";

    public string? CertFile { get; set; }

    public string? KeyFile { get; set; }

    public string? TrustedCaFile { get; set; }

    public bool InsecureSkipTlsVerify { get; set; }

    public string? DeregistrationHandler { get; set; }

    public int EventdWorkers { get; set; } = 100;

    public int EventdBufferSize { get; set; } = 1000;

    public int KeepalivedWorkers { get; set; } = 100;

    public int KeepalivedBufferSize { get; set; } = 1000;

    public int PipelinedWorkers { get; set; } = 100;

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
    public string? ChildEnvAllowList { get; set; }

    public Dictionary<string, string> Labels { get; set; } = [];

    public Dictionary<string, string> Annotations { get; set; } = [];

    /// <summary>Durability of store commits: <c>full</c> (fsync every commit, the default) or <c>normal</c>.</summary>
    public string StoreSync { get; set; } = "full";

    /// <summary>Which store holds the backend's state: <c>sqlite</c> (embedded, under the state directory; the default) or <c>postgres</c>.</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>The PostgreSQL connection string (Npgsql keywords or a postgres:// URL) when <see cref="Store"/> is <c>postgres</c>.</summary>
    public string? PostgresDsn { get; set; }

    /// <summary>PostgresConfig <c>max_open_conns</c>: most pooled connections (0: the DSN's Maximum Pool Size, else 100).</summary>
    public int PostgresMaxOpenConns { get; set; }

    /// <summary>PostgresConfig <c>max_idle_conns</c>: connections kept open while idle (0: the DSN's Minimum Pool Size).</summary>
    public int PostgresMaxIdleConns { get; set; }

    /// <summary>PostgresConfig <c>max_conn_lifetime</c>: seconds before a pooled connection is replaced (0: never).</summary>
    public int PostgresMaxConnLifetime { get; set; }

    /// <summary>PostgresConfig <c>batch_buffer</c>: event writes that may wait for a batch (0: unbounded).</summary>
    public int PostgresBatchBuffer { get; set; }

    /// <summary>PostgresConfig <c>batch_size</c>: most event writes in one upsert.</summary>
    public int PostgresBatchSize { get; set; } = 512;

    /// <summary>PostgresConfig <c>batch_workers</c>: event batches written at once.</summary>
    public int PostgresBatchWorkers { get; set; } = 2;

    /// <summary>Cluster: how often the heartbeat is written and the leader lease renewed.</summary>
    public TimeSpan ClusterHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Cluster: how long a backend without a heartbeat is still a live member.</summary>
    public TimeSpan ClusterMemberTtl { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Cluster: how long the leader lease lasts without renewal.</summary>
    public TimeSpan ClusterLeaseTtl { get; set; } = TimeSpan.FromSeconds(15);
}
