namespace Sensu.Agent.Configuration;

/// <summary>The table of agent flags (core-spec §11.3), in Sensu's names; defaults live in <see cref="AgentOptions"/>.</summary>
public static class AgentFlags
{
    public const string ConfigFile = "config-file";

    public const string DefaultConfigFile = "/etc/sensu/agent.yml";

    public static IReadOnlyList<AgentFlag> All { get; } =
    [
        AgentFlag.Text("name", "agent name (defaults to hostname)", (o, v) => o.Name = v),
        AgentFlag.List("backend-url", "ws/wss URL of Sensu backend server (to specify multiple backends use this flag multiple times)", o => o.BackendUrls),
        AgentFlag.Text("namespace", "agent namespace", (o, v) => o.Namespace = v),
        AgentFlag.Text("user", "agent user", (o, v) => o.User = v),
        AgentFlag.Text("password", "agent password", (o, v) => o.Password = v),
        AgentFlag.List("subscriptions", "comma-delimited list of agent subscriptions", o => o.Subscriptions),
        AgentFlag.Map("labels", "entity labels map", o => o.Labels),
        AgentFlag.Map("annotations", "entity annotations map", o => o.Annotations),
        AgentFlag.List("redact", "comma-delimited customized list of fields to redact", o => o.Redact),
        AgentFlag.Switch("deregister", "ephemeral agent", (o, v) => o.Deregister = v),
        AgentFlag.Text("deregistration-handler", "deregistration handler that should process the entity deregistration event", (o, v) => o.DeregistrationHandler = v),
        AgentFlag.Number("keepalive-interval", "number of seconds to send between keepalive events", (o, v) => o.KeepaliveInterval = v),
        AgentFlag.Number("keepalive-warning-timeout", "number of seconds until agent is considered dead by backend to create a warning event", (o, v) => o.KeepaliveWarningTimeout = v),
        AgentFlag.Number("keepalive-critical-timeout", "number of seconds until agent is considered dead by backend to create a critical event", (o, v) => o.KeepaliveCriticalTimeout = v),
        AgentFlag.List("keepalive-handlers", "comma-delimited list of keepalive handlers for this entity", o => o.KeepaliveHandlers),
        AgentFlag.List("keepalive-pipelines", "comma-delimited list of pipeline references for keepalive event", o => o.KeepalivePipelines),
        AgentFlag.Map("keepalive-check-labels", "keepalive check labels map", o => o.KeepaliveCheckLabels),
        AgentFlag.Map("keepalive-check-annotations", "keepalive check annotations map", o => o.KeepaliveCheckAnnotations),
        AgentFlag.Text("api-host", "address to bind the Sensu client HTTP API to", (o, v) => o.ApiHost = v),
        AgentFlag.Number("api-port", "port the Sensu client HTTP API listens on", (o, v) => o.ApiPort = v),
        AgentFlag.Switch("disable-api", "disable the Agent HTTP API", (o, v) => o.DisableApi = v),
        AgentFlag.Text("socket-host", "address to bind the Sensu client socket to", (o, v) => o.SocketHost = v),
        AgentFlag.Number("socket-port", "port the Sensu client socket listens on", (o, v) => o.SocketPort = v),
        AgentFlag.Switch("disable-sockets", "disable the Agent TCP and UDP event sockets", (o, v) => o.DisableSockets = v),
        AgentFlag.Switch("statsd-disable", "disables the statsd listener and metrics server", (o, v) => o.StatsdDisable = v),
        AgentFlag.Text("statsd-metrics-host", "address used for the statsd metrics server", (o, v) => o.StatsdMetricsHost = v),
        AgentFlag.Number("statsd-metrics-port", "port used for the statsd metrics server", (o, v) => o.StatsdMetricsPort = v),
        AgentFlag.Number("statsd-flush-interval", "number of seconds between statsd flush", (o, v) => o.StatsdFlushInterval = v),
        AgentFlag.List("statsd-event-handlers", "comma-delimited list of event handlers for statsd metrics", o => o.StatsdEventHandlers),
        AgentFlag.Text("cache-dir", "path to store cached data", (o, v) => o.CacheDir = v),
        AgentFlag.Text("allow-list", "path to agent execution allow list configuration file", (o, v) => o.AllowList = v),
        AgentFlag.Switch("disable-assets", "disable check assets on this agent", (o, v) => o.DisableAssets = v),
        AgentFlag.Real("assets-rate-limit", "maximum number of assets fetched per second", (o, v) => o.AssetsRateLimit = v),
        AgentFlag.Number("assets-burst-limit", "asset fetch burst limit", (o, v) => o.AssetsBurstLimit = v),
        AgentFlag.Real("events-rate-limit", "maximum number of events per second accepted by the agent events API", (o, v) => o.EventsRateLimit = v),
        AgentFlag.Number("events-burst-limit", "agent events API burst limit", (o, v) => o.EventsBurstLimit = v),
        AgentFlag.Switch("agent-managed-entity", "manage this entity via the agent", (o, v) => o.AgentManagedEntity = v),
        AgentFlag.Number("backend-handshake-timeout", "number of seconds the agent should wait when negotiating a new WebSocket connection", (o, v) => o.BackendHandshakeTimeout = v),
        AgentFlag.Number("backend-heartbeat-interval", "interval at which the agent should send heartbeats to the backend", (o, v) => o.BackendHeartbeatInterval = v),
        AgentFlag.Number("backend-heartbeat-timeout", "number of seconds the agent should wait for a response to a hearbeat", (o, v) => o.BackendHeartbeatTimeout = v),
        AgentFlag.Duration("retry-min", "minimum amount of time to wait before retrying an agent connection to the backend", (o, v) => o.RetryMin = v),
        AgentFlag.Duration("retry-max", "maximum amount of time to wait before retrying an agent connection to the backend", (o, v) => o.RetryMax = v),
        AgentFlag.Real("retry-multiplier", "value multiplied with the current retry delay to produce a longer retry delay", (o, v) => o.RetryMultiplier = v),
        AgentFlag.Text("trusted-ca-file", "TLS CA certificate bundle in PEM format", (o, v) => o.TrustedCaFile = v),
        AgentFlag.Switch("insecure-skip-tls-verify", "skip TLS verification (not recommended!)", (o, v) => o.InsecureSkipTlsVerify = v),
        AgentFlag.Text("cert-file", "certificate for TLS authentication", (o, v) => o.CertFile = v),
        AgentFlag.Text("key-file", "key for TLS authentication", (o, v) => o.KeyFile = v),
        AgentFlag.Text("log-level", "logging level [panic, fatal, error, warn, info, debug, trace]", (o, v) => o.LogLevel = v),
    ];
}
