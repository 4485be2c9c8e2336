using Sensu.Core.Configuration;
using Sensu.Core.Logging;

namespace Sensu.Agent.Configuration;

/// <summary>The table of agent flags (core-spec §11.3), in Sensu's names; defaults live in <see cref="AgentOptions"/>.</summary>
public static class AgentFlags
{
    public const string ConfigFile = FlagTable<AgentOptions>.ConfigFileFlag;

    public const string DefaultConfigFile = "/etc/sensu/agent.yml";

    /// <summary>Every flag's variable is <c>SENSU_</c> and its name (<c>SENSU_BACKEND_URL</c>).</summary>
    private static readonly FlagFactory<AgentOptions> F = new("SENSU_");

    public static IReadOnlyList<Flag<AgentOptions>> All { get; } =
    [
        F.Text("name", "agent name (defaults to hostname)", (o, v) => o.Name = v),
        F.List("backend-url", "ws/wss URL of Sensu backend server (to specify multiple backends use this flag multiple times)", o => o.BackendUrls),
        F.Text("namespace", "agent namespace", (o, v) => o.Namespace = v),
        F.Text("user", "agent user", (o, v) => o.User = v),
        F.Text("password", "agent password", (o, v) => o.Password = v),
        F.List("subscriptions", "comma-delimited list of agent subscriptions", o => o.Subscriptions),
        F.Map("labels", "entity labels map", o => o.Labels),
        F.Map("annotations", "entity annotations map", o => o.Annotations),
        F.List("redact", "comma-delimited customized list of fields to redact", o => o.Redact),
        F.Switch("deregister", "ephemeral agent", (o, v) => o.Deregister = v),
        F.Text("deregistration-handler", "deregistration handler that should process the entity deregistration event", (o, v) => o.DeregistrationHandler = v),
        F.Number("keepalive-interval", "number of seconds to send between keepalive events", (o, v) => o.KeepaliveInterval = v),
        F.Number("keepalive-warning-timeout", "number of seconds until agent is considered dead by backend to create a warning event", (o, v) => o.KeepaliveWarningTimeout = v),
        F.Number("keepalive-critical-timeout", "number of seconds until agent is considered dead by backend to create a critical event", (o, v) => o.KeepaliveCriticalTimeout = v),
        F.List("keepalive-handlers", "comma-delimited list of keepalive handlers for this entity", o => o.KeepaliveHandlers),
        F.List("keepalive-pipelines", "comma-delimited list of pipeline references for keepalive event", o => o.KeepalivePipelines),
        F.Map("keepalive-check-labels", "keepalive check labels map", o => o.KeepaliveCheckLabels),
        F.Map("keepalive-check-annotations", "keepalive check annotations map", o => o.KeepaliveCheckAnnotations),
        F.Text("api-host", "address to bind the Sensu client HTTP API to", (o, v) => o.ApiHost = v),
        F.Number("api-port", "port the Sensu client HTTP API listens on", (o, v) => o.ApiPort = v),
        F.Switch("disable-api", "disable the Agent HTTP API", (o, v) => o.DisableApi = v),
        F.Text("socket-host", "address to bind the Sensu client socket to", (o, v) => o.SocketHost = v),
        F.Number("socket-port", "port the Sensu client socket listens on", (o, v) => o.SocketPort = v),
        F.Switch("disable-sockets", "disable the Agent TCP and UDP event sockets", (o, v) => o.DisableSockets = v),
        F.Switch("statsd-disable", "disables the statsd listener and metrics server", (o, v) => o.StatsdDisable = v),
        F.Text("statsd-metrics-host", "address used for the statsd metrics server", (o, v) => o.StatsdMetricsHost = v),
        F.Number("statsd-metrics-port", "port used for the statsd metrics server", (o, v) => o.StatsdMetricsPort = v),
        F.Number("statsd-flush-interval", "number of seconds between statsd flush", (o, v) => o.StatsdFlushInterval = v),
        F.List("statsd-event-handlers", "comma-delimited list of event handlers for statsd metrics", o => o.StatsdEventHandlers),
        F.Text("cache-dir", "path to store cached data", (o, v) => o.CacheDir = v),
        F.Text("allow-list", "path to agent execution allow list configuration file", (o, v) => o.AllowList = v),
        F.Switch("disable-assets", "disable check assets on this agent", (o, v) => o.DisableAssets = v),
        F.Real("assets-rate-limit", "maximum number of assets fetched per second", (o, v) => o.AssetsRateLimit = v),
        F.Number("assets-burst-limit", "asset fetch burst limit", (o, v) => o.AssetsBurstLimit = v),
        F.Real("events-rate-limit", "maximum number of events per second accepted by the agent events API", (o, v) => o.EventsRateLimit = v),
        F.Number("events-burst-limit", "agent events API burst limit", (o, v) => o.EventsBurstLimit = v),
        F.Switch("agent-managed-entity", "manage this entity via the agent", (o, v) => o.AgentManagedEntity = v),
        F.Number("backend-handshake-timeout", "number of seconds the agent should wait when negotiating a new WebSocket connection", (o, v) => o.BackendHandshakeTimeout = v),
        F.Number("backend-heartbeat-interval", "interval at which the agent should send heartbeats to the backend", (o, v) => o.BackendHeartbeatInterval = v),
        F.Number("backend-heartbeat-timeout", "number of seconds the agent should wait for a response to a hearbeat", (o, v) => o.BackendHeartbeatTimeout = v),
        F.Duration("retry-min", "minimum amount of time to wait before retrying an agent connection to the backend", (o, v) => o.RetryMin = v),
        F.Duration("retry-max", "maximum amount of time to wait before retrying an agent connection to the backend", (o, v) => o.RetryMax = v),
        F.Real("retry-multiplier", "value multiplied with the current retry delay to produce a longer retry delay", (o, v) => o.RetryMultiplier = v),
        F.Text("trusted-ca-file", "TLS CA certificate bundle in PEM format", (o, v) => o.TrustedCaFile = v),
        F.Switch("insecure-skip-tls-verify", "skip TLS verification (not recommended!)", (o, v) => o.InsecureSkipTlsVerify = v),
        F.Text("cert-file", "certificate for TLS authentication", (o, v) => o.CertFile = v),
        F.Text("key-file", "key for TLS authentication", (o, v) => o.KeyFile = v),
        F.Text("log-level", "logging level [panic, fatal, error, warn, info, debug, trace]", (o, v) => o.LogLevel = v),
        F.Choice("log-format", "log format [json, text]: json writes Sensu's JSON lines, text one line for a human", SensuLogFormat.Names, (o, v) => o.LogFormat = v),
    ];

    /// <summary>The agent's settings as <see cref="SettingsBinder"/> binds them.</summary>
    public static FlagTable<AgentOptions> Table { get; } = new(
        F, DefaultConfigFile, All, static () => new AgentOptions { Name = AgentSettings.DefaultName() }, AgentSettings.Validate);
}
