namespace Sensu.Backend.Hosting;

/// <summary>The table of backend flags (core-spec §11.2), in Sensu's names and with Sensu's defaults (in <see cref="BackendOptions"/>).</summary>
public static class BackendFlags
{
    public const string ConfigFile = "config-file";

    public const string DefaultConfigFile = "/etc/sensu/backend.yml";

    public static IReadOnlyList<BackendFlag> All { get; } =
    [
        BackendFlag.Text("state-dir", "path to sensu state storage", (o, v) => o.StateDir = v),
        BackendFlag.Text("cache-dir", "path to store cached data", (o, v) => o.CacheDir = v),
        BackendFlag.Text("api-listen-address", "address to listen on for API traffic", (o, v) => o.ApiListenAddress = v),
        BackendFlag.Text("api-url", "URL of the API to connect to", (o, v) => o.ApiUrl = v),
        BackendFlag.Number("api-request-limit", "maximum API request body size, in bytes", (o, v) => o.ApiRequestLimit = v),
        BackendFlag.Text("agent-host", "agent listener host", (o, v) => o.AgentHost = v),
        BackendFlag.Number("agent-port", "agent listener port", (o, v) => o.AgentPort = v),
        BackendFlag.Text("agent-auth-cert-file", "TLS certificate in PEM format for agent certificate authentication", (o, v) => o.AgentAuthCertFile = v),
        BackendFlag.Text("agent-auth-key-file", "TLS certificate key in PEM format for agent certificate authentication", (o, v) => o.AgentAuthKeyFile = v),
        BackendFlag.Text("agent-auth-trusted-ca-file", "TLS CA certificate bundle in PEM format for agent certificate authentication", (o, v) => o.AgentAuthTrustedCaFile = v),
        BackendFlag.Text("agent-auth-crl-urls", "URLs of CRLs for agent certificate authentication (accepted, not consulted)", (o, v) => o.AgentAuthCrlUrls = v),
        BackendFlag.Text("agent-write-timeout", "timeout in seconds for agent writes", (o, v) => o.AgentWriteTimeout = Seconds(v)),
        BackendFlag.Number("agent-rate-limit", "maximum number of events per second an agent may send (0 = unlimited)", (o, v) => o.AgentRateLimit = v),
        BackendFlag.Number("agent-burst-limit", "maximum number of events an agent may send in a burst", (o, v) => o.AgentBurstLimit = v),
        BackendFlag.Text("assets-rate-limit", "maximum number of assets fetched per second", (o, v) => o.AssetsRateLimit = double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)),
        BackendFlag.Number("assets-burst-limit", "asset fetch burst limit", (o, v) => o.AssetsBurstLimit = v),
        BackendFlag.Text("dashboard-host", "dashboard listener host", (o, v) => o.DashboardHost = v),
        BackendFlag.Number("dashboard-port", "dashboard listener port", (o, v) => o.DashboardPort = v),
        BackendFlag.Text("log-level", "logging level [panic, fatal, error, warn, info, debug, trace]", (o, v) => o.LogLevel = v),
        BackendFlag.Text("cert-file", "TLS certificate in PEM format", (o, v) => o.CertFile = v),
        BackendFlag.Text("key-file", "TLS certificate key in PEM format", (o, v) => o.KeyFile = v),
        BackendFlag.Text("trusted-ca-file", "TLS CA certificate bundle in PEM format", (o, v) => o.TrustedCaFile = v),
        BackendFlag.Switch("insecure-skip-tls-verify", "skip TLS verification (not recommended!)", (o, v) => o.InsecureSkipTlsVerify = v),
        BackendFlag.Text("deregistration-handler", "default deregistration handler", (o, v) => o.DeregistrationHandler = v),
        BackendFlag.Number("eventd-workers", "number of workers spawned for processing incoming events", (o, v) => o.EventdWorkers = v),
        BackendFlag.Number("eventd-buffer-size", "number of incoming events that can be buffered", (o, v) => o.EventdBufferSize = v),
        BackendFlag.Number("keepalived-workers", "number of workers spawned for processing incoming keepalives", (o, v) => o.KeepalivedWorkers = v),
        BackendFlag.Number("keepalived-buffer-size", "number of incoming keepalives that can be buffered", (o, v) => o.KeepalivedBufferSize = v),
        BackendFlag.Number("pipelined-workers", "number of workers spawned for handling events through the event pipeline", (o, v) => o.PipelinedWorkers = v),
        BackendFlag.Number("pipelined-buffer-size", "number of events to handle that can be buffered", (o, v) => o.PipelinedBufferSize = v),
        BackendFlag.Text("event-log-file", "path to the event log file", (o, v) => o.EventLogFile = v),
        BackendFlag.Text("cluster-admin-username", "cluster admin username created by init", (o, v) => o.ClusterAdminUsername = v),
        BackendFlag.Text("cluster-admin-password", "cluster admin password created by init", (o, v) => o.ClusterAdminPassword = v),
        BackendFlag.Text("cluster-admin-api-key", "cluster admin API key created by init", (o, v) => o.ClusterAdminApiKey = v),
        BackendFlag.Text("child-env-allow-list", "comma-separated names of the backend's environment variables that pipe handlers and mutators inherit (default PATH, HOME, LANG, LC_ALL, TZ, TMPDIR and the proxy variables)", (o, v) => o.ChildEnvAllowList = v),
        BackendFlag.Map("labels", "entity labels map", o => o.Labels),
        BackendFlag.Map("annotations", "entity annotations map", o => o.Annotations),
        BackendFlag.Text("store-sync", "durability of store commits [full, normal]: full fsyncs every commit, normal only at checkpoints (a machine crash may lose the last commits)", (o, v) => o.StoreSync = StoreSync(v)),
    ];

    /// <summary><c>full</c> or <c>normal</c>, any case.</summary>
    private static string StoreSync(string value) => value.ToLowerInvariant() is "full" or "normal"
        ? value.ToLowerInvariant()
        : throw new FormatException("expected full or normal");

    /// <summary>Whole seconds, given bare (<c>15</c>) or with an <c>s</c> suffix (<c>15s</c>).</summary>
    private static int Seconds(string value) =>
        int.Parse(value.EndsWith('s') ? value[..^1] : value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture);
}
