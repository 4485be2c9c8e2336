namespace Sensu.LoadTool;

/// <summary>What one load run does: how many agents, how fast, for how long, against which backend.</summary>
public sealed class LoadOptions
{
    public Uri BackendUrl { get; set; } = new("ws://127.0.0.1:8081");

    public Uri ApiUrl { get; set; } = new("http://127.0.0.1:8080");

    public string Namespace { get; set; } = "default";

    public string AgentUser { get; set; } = "agent";

    public string AgentPassword { get; set; } = "P@ssw0rd!";

    public string AdminUser { get; set; } = "admin";

    public string AdminPassword { get; set; } = "P@ssw0rd!";

    public int Agents { get; set; } = 100;

    /// <summary>Check results per second across all agents; 0 sends keepalives only.</summary>
    public double Rate { get; set; }

    public int KeepaliveInterval { get; set; } = 20;

    public int KeepaliveTimeout { get; set; } = 120;

    /// <summary>Measured seconds, after every agent is connected and the warm-up is over.</summary>
    public int Duration { get; set; } = 60;

    public int Warmup { get; set; } = 5;

    /// <summary>New connections per second while agents connect.</summary>
    public int ConnectRate { get; set; } = 200;

    /// <summary>One event in this many carries the latency handler.</summary>
    public int LatencySample { get; set; } = 100;

    /// <summary>The backend's process id, for CPU and RSS; 0 when not sampled.</summary>
    public int BackendPid { get; set; }

    /// <summary>"agents" (WebSocket sessions) or "api" (check results posted to the REST API by N proxy entities).</summary>
    public string Via { get; set; } = "agents";

    public string AgentPrefix { get; set; } = "load-agent-";
}
