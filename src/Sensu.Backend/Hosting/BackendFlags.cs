using Sensu.Core.Configuration;
using Sensu.Core.Logging;

namespace Sensu.Backend.Hosting;

/// <summary>The table of backend flags (core-spec §11.2), in Sensu's names and with Sensu's defaults (in <see cref="BackendOptions"/>).</summary>
public static class BackendFlags
{
    public const string ConfigFile = FlagTable<BackendOptions>.ConfigFileFlag;

    public const string DefaultConfigFile = "/etc/sensu/backend.yml";

    /// <summary>Every flag's variable is <c>SENSU_BACKEND_</c> and its name (<c>SENSU_BACKEND_API_URL</c>).</summary>
    private static readonly FlagFactory<BackendOptions> F = new("SENSU_BACKEND_");

    public static IReadOnlyList<Flag<BackendOptions>> All { get; } =
    [
        F.Text("state-dir", "path to sensu state storage", (o, v) => o.StateDir = v),
        F.Text("cache-dir", "path to store cached data", (o, v) => o.CacheDir = v),
        F.Text("api-listen-address", "address to listen on for API traffic", (o, v) => o.ApiListenAddress = v),
        // Accepted whatever its value: Sensu's example configurations set it, and it only names where clients reach the API.
        F.Text("api-url", "URL of the API to connect to", (o, v) => o.ApiUrl = v),
        F.Number("api-request-limit", "maximum API request body size, in bytes", (o, v) => o.ApiRequestLimit = v),
        F.Text("agent-host", "agent listener host", (o, v) => o.AgentHost = v),
        F.Number("agent-port", "agent listener port", (o, v) => o.AgentPort = v),
        F.Text("agent-auth-cert-file", "TLS certificate in PEM format for agent certificate authentication", (o, v) => o.AgentAuthCertFile = v),
        F.Text("agent-auth-key-file", "TLS certificate key in PEM format for agent certificate authentication", (o, v) => o.AgentAuthKeyFile = v),
        F.Text("agent-auth-trusted-ca-file", "TLS CA certificate bundle in PEM format for agent certificate authentication", (o, v) => o.AgentAuthTrustedCaFile = v),
        F.Text("agent-auth-crl-urls", "URLs of CRLs for agent certificate authentication (accepted, not consulted)", (o, v) => o.AgentAuthCrlUrls = v),
        F.Seconds("agent-write-timeout", "timeout in seconds for agent writes", (o, v) => o.AgentWriteTimeout = v),
        F.Number("agent-rate-limit", "maximum number of events per second an agent may send (0 = unlimited)", (o, v) => o.AgentRateLimit = v),
        F.Number("agent-burst-limit", "maximum number of events an agent may send in a burst", (o, v) => o.AgentBurstLimit = v),
        F.Real("assets-rate-limit", "maximum number of assets fetched per second", (o, v) => o.AssetsRateLimit = v),
        F.Number("assets-burst-limit", "asset fetch burst limit", (o, v) => o.AssetsBurstLimit = v),
        F.Text("dashboard-host", "dashboard listener host", (o, v) => o.DashboardHost = v),
        F.Number("dashboard-port", "dashboard listener port", (o, v) => o.DashboardPort = v),
        F.Text("dashboard-cert-file", "dashboard TLS certificate in PEM format", (o, v) => o.DashboardCertFile = v),
        F.Text("dashboard-key-file", "dashboard TLS certificate key in PEM format", (o, v) => o.DashboardKeyFile = v),
        F.Text("log-level", "logging level [panic, fatal, error, warn, info, debug, trace]", (o, v) => o.LogLevel = v),
        F.Choice("log-format", "log format [json, text]: json writes Sensu's JSON lines, text one line for a human", SensuLogFormat.Names, (o, v) => o.LogFormat = v),
        F.Text("cert-file", "TLS certificate in PEM format", (o, v) => o.CertFile = v),
        F.Text("key-file", "TLS certificate key in PEM format", (o, v) => o.KeyFile = v),
        F.Text("trusted-ca-file", "TLS CA certificate bundle in PEM format", (o, v) => o.TrustedCaFile = v),
        F.Unavailable(F.Switch("insecure-skip-tls-verify", "skip TLS verification (not recommended!)", (o, v) => o.InsecureSkipTlsVerify = v), v => !FlagFactory<BackendOptions>.ParseBool(v), "the backend makes no TLS connection it would skip verifying (assets trust --trusted-ca-file)"),
        F.Text("deregistration-handler", "default deregistration handler", (o, v) => o.DeregistrationHandler = v),
        F.Number("eventd-workers", "number of workers spawned for processing incoming events", (o, v) => o.EventdWorkers = v),
        F.Number("eventd-buffer-size", "number of incoming events that can be buffered", (o, v) => o.EventdBufferSize = v),
        F.Number("keepalived-workers", "number of workers spawned for processing incoming keepalives", (o, v) => o.KeepalivedWorkers = v),
        F.Number("keepalived-buffer-size", "number of incoming keepalives that can be buffered", (o, v) => o.KeepalivedBufferSize = v),
        F.Number("pipelined-workers", "number of workers spawned for handling events through the event pipeline", (o, v) => o.PipelinedWorkers = v),
        F.Number("pipelined-buffer-size", "number of events to handle that can be buffered", (o, v) => o.PipelinedBufferSize = v),
        F.Text("event-log-file", "path to the event log file", (o, v) => o.EventLogFile = v),
        F.Text("cluster-admin-username", "cluster admin username created by init", (o, v) => o.ClusterAdminUsername = v),
        F.Text("cluster-admin-password", "cluster admin password created by init", (o, v) => o.ClusterAdminPassword = v),
        F.Text("cluster-admin-api-key", "cluster admin API key created by init", (o, v) => o.ClusterAdminApiKey = v),
        F.Text("child-env-allow-list", "comma-separated names of the backend's environment variables that pipe handlers and mutators inherit (default PATH, HOME, LANG, LC_ALL, TZ, TMPDIR and the proxy variables)", (o, v) => o.ChildEnvAllowList = v),
        F.Map("labels", "entity labels map", o => o.Labels),
        F.Map("annotations", "entity annotations map", o => o.Annotations),
        F.Choice("store-sync", "durability of store commits [full, normal]: full fsyncs every commit, normal only at checkpoints (a machine crash may lose the last commits)", ["full", "normal"], (o, v) => o.StoreSync = v),
        F.Choice("store", "where the backend keeps its state [sqlite, postgres]: sqlite is embedded under --state-dir; postgres is shared by every backend of a cluster", ["sqlite", "postgres"], (o, v) => o.Store = v),
        F.Text("postgres-dsn", "PostgreSQL connection string for --store postgres (Npgsql keywords such as Host=a,b;Database=sensu;Username=sensu;Password=...;Target Session Attributes=primary, or a postgres:// URL)", (o, v) => o.PostgresDsn = v),
        F.Number("postgres-max-open-conns", "PostgreSQL: most open connections in the pool (PostgresConfig max_open_conns; 0 = the DSN's Maximum Pool Size)", (o, v) => o.PostgresMaxOpenConns = v),
        F.Number("postgres-max-idle-conns", "PostgreSQL: connections kept open while idle (PostgresConfig max_idle_conns; 0 = the DSN's Minimum Pool Size)", (o, v) => o.PostgresMaxIdleConns = v),
        F.Number("postgres-max-conn-lifetime", "PostgreSQL: seconds a connection is used before it is replaced (PostgresConfig max_conn_lifetime; 0 = forever)", (o, v) => o.PostgresMaxConnLifetime = v),
        F.Number("postgres-batch-buffer", "PostgreSQL: event writes that may wait for a batch (PostgresConfig batch_buffer; 0 = unbounded)", (o, v) => o.PostgresBatchBuffer = v),
        F.Number("postgres-batch-size", "PostgreSQL: most event writes committed in one statement (PostgresConfig batch_size)", (o, v) => o.PostgresBatchSize = v),
        F.Number("postgres-batch-workers", "PostgreSQL: event batches written at once, each on its own connection (PostgresConfig batch_workers)", (o, v) => o.PostgresBatchWorkers = v),
        F.Duration("cluster-heartbeat-interval", "how often this backend writes its heartbeat and renews the leader lease in a cluster (a Go duration, e.g. 5s)", (o, v) => o.ClusterHeartbeatInterval = v),
        F.Duration("cluster-member-ttl", "how long a backend without a heartbeat is still a live cluster member (a Go duration, e.g. 20s)", (o, v) => o.ClusterMemberTtl = v),
        F.Duration("cluster-lease-ttl", "how long the leader lease (scheduling, keepalive alerts) lasts without renewal; longer than the heartbeat interval (a Go duration, e.g. 15s)", (o, v) => o.ClusterLeaseTtl = v),
    ];

    /// <summary>The backend's settings as <see cref="SettingsBinder"/> binds them.</summary>
    public static FlagTable<BackendOptions> Table { get; } = new(F, DefaultConfigFile, All, static () => new BackendOptions(), BackendSettings.Validate);
}
