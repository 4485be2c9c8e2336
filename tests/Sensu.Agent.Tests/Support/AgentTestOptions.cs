using Sensu.Agent.Configuration;

namespace Sensu.Agent.Tests.Support;

/// <summary>Agent options for tests: fixed name, loopback, port 0 everywhere, a temp cache dir.</summary>
internal static class AgentTestOptions
{
    public static AgentOptions Create(Action<AgentOptions>? configure = null)
    {
        var options = new AgentOptions
        {
            Name = "agent-under-test",
            Namespace = "default",
            Subscriptions = ["linux"],
            ApiPort = 0,
            SocketPort = 0,
            StatsdMetricsPort = 0,
            CacheDir = Path.Combine(Path.GetTempPath(), "sensu-agent-tests-" + Guid.NewGuid().ToString("N")),
        };
        configure?.Invoke(options);
        return options;
    }
}
