namespace Sensu.Agent.Configuration;

/// <summary>Every <c>sensu-agent start</c> setting (core-spec §11.3) with Sensu's defaults.</summary>
public sealed class AgentOptions
{
    public static IReadOnlyList<string> DefaultBackendUrls { get; } = ["ws://127.0.0.1:8081"];

    public string Name { get; set; } = Environment.MachineName;
    public List<string> BackendUrls { get; set; } = [.. DefaultBackendUrls];
    public string Namespace { get; set; } = "default";
    public string User { get; set; } = "agent";
    public string Password { get; set; } = "P@ssw0rd!";
    public List<string> Subscriptions { get; set; } = [];
    public Dictionary<string, string> Labels { get; set; } = [];
    public Dictionary<string, string> Annotations { get; set; } = [];
    public List<string> Redact { get; set; } = [.. Sensu.Core.Resources.Core.Entity.DefaultRedactFields];
    public bool Deregister { get; set; }
    public string DeregistrationHandler { get; set; } = "";

    public int KeepaliveInterval { get; set; } = 20;
    public int KeepaliveWarningTimeout { get; set; } = 120;
    public int KeepaliveCriticalTimeout { get; set; }
    public List<string> KeepaliveHandlers { get; set; } = [];
    public List<string> KeepalivePipelines { get; set; } = [];
    public Dictionary<string, string> KeepaliveCheckLabels { get; set; } = [];
    public Dictionary<string, string> KeepaliveCheckAnnotations { get; set; } = [];

    public string ApiHost { get; set; } = "127.0.0.1";
    public int ApiPort { get; set; } = 3031;
    public bool DisableApi { get; set; }
    public string SocketHost { get; set; } = "127.0.0.1";
    public int SocketPort { get; set; } = 3030;
    public bool DisableSockets { get; set; }
    public bool StatsdDisable { get; set; }
    public string StatsdMetricsHost { get; set; } = "127.0.0.1";
    public int StatsdMetricsPort { get; set; } = 8125;
    public int StatsdFlushInterval { get; set; } = 10;
    public List<string> StatsdEventHandlers { get; set; } = [];

    public string CacheDir { get; set; } = "/var/cache/sensu/sensu-agent";
    public string? AllowList { get; set; }
    public bool DisableAssets { get; set; }
    public double AssetsRateLimit { get; set; } = 1.39;
    public int AssetsBurstLimit { get; set; } = 100;
    public double EventsRateLimit { get; set; } = 10;
    public int EventsBurstLimit { get; set; } = 10;
    public bool AgentManagedEntity { get; set; }

    public int BackendHandshakeTimeout { get; set; } = 15;
    public int BackendHeartbeatInterval { get; set; } = 30;
    public int BackendHeartbeatTimeout { get; set; } = 45;
    public TimeSpan RetryMin { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan RetryMax { get; set; } = TimeSpan.FromSeconds(120);
    public double RetryMultiplier { get; set; } = 2.0;

    public string? TrustedCaFile { get; set; }
    public bool InsecureSkipTlsVerify { get; set; }
    public string? CertFile { get; set; }
    public string? KeyFile { get; set; }

    public string LogLevel { get; set; } = "warn";

    /// <summary><c>json</c> (Sensu's JSON lines) or <c>text</c>.</summary>
    public string LogFormat { get; set; } = "json";

    /// <summary>True when a client certificate is configured: the agent authenticates with mTLS, no password.</summary>
    public bool UsesClientCertificate => !string.IsNullOrEmpty(CertFile) && !string.IsNullOrEmpty(KeyFile);
}
