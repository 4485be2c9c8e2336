using Sensu.Agent.Configuration;
using Sensu.Core.Configuration;

namespace Sensu.Agent.Tests.Configuration;

public sealed class AgentSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ConfigFile(string yaml)
    {
        var path = Path.Combine(_dir, "agent.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Func<string, string?> Env(Dictionary<string, string> values) => k => values.GetValueOrDefault(k);

    [Fact]
    public void Defaults_are_Sensus()
    {
        var options = AgentSettings.Load(new Dictionary<string, string> { ["config-file"] = ConfigFile("{}") }, Env([]));

        Assert.Equal(["ws://127.0.0.1:8081"], options.BackendUrls);
        Assert.Equal("default", options.Namespace);
        Assert.Equal("agent", options.User);
        Assert.Equal("P@ssw0rd!", options.Password);
        Assert.Equal(20, options.KeepaliveInterval);
        Assert.Equal(120, options.KeepaliveWarningTimeout);
        Assert.Equal(0, options.KeepaliveCriticalTimeout);
        Assert.Equal(3031, options.ApiPort);
        Assert.Equal(3030, options.SocketPort);
        Assert.Equal(8125, options.StatsdMetricsPort);
        Assert.Equal(10, options.StatsdFlushInterval);
        Assert.Equal("/var/cache/sensu/sensu-agent", options.CacheDir);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryMin);
        Assert.Equal(TimeSpan.FromSeconds(120), options.RetryMax);
        Assert.Contains("password", options.Redact);
        Assert.Equal(AgentSettings.DefaultName(), options.Name);
    }

    [Fact]
    public void Flag_beats_env_beats_file_beats_default()
    {
        var file = ConfigFile("""
            namespace: from-file
            name: file-name
            subscriptions: [a, b]
            keepalive-interval: 5
            labels:
              region: eu
            api-port: 4000
            """);
        var env = Env(new()
        {
            ["SENSU_NAMESPACE"] = "from-env",
            ["SENSU_NAME"] = "env-name",
            ["SENSU_API_PORT"] = "4001",
        });
        var flags = new Dictionary<string, string> { ["config-file"] = file, ["name"] = "flag-name" };

        var options = AgentSettings.Load(flags, env);

        Assert.Equal("flag-name", options.Name);
        Assert.Equal("from-env", options.Namespace);
        Assert.Equal(4001, options.ApiPort);
        Assert.Equal(["a", "b"], options.Subscriptions);
        Assert.Equal(5, options.KeepaliveInterval);
        Assert.Equal("eu", options.Labels["region"]);
        Assert.Equal(120, options.KeepaliveWarningTimeout);
    }

    [Fact]
    public void Config_file_from_SENSU_CONFIG_FILE_and_list_values()
    {
        var file = ConfigFile("backend-url:\n  - ws://a:8081\n  - wss://b:8081\nretry-min: 500ms\nderegister: true\n");
        var options = AgentSettings.Load(new Dictionary<string, string>(), Env(new() { ["SENSU_CONFIG_FILE"] = file, ["SENSU_SUBSCRIPTIONS"] = "x, y" }));

        Assert.Equal(["ws://a:8081", "wss://b:8081"], options.BackendUrls);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.RetryMin);
        Assert.True(options.Deregister);
        Assert.Equal(["x", "y"], options.Subscriptions);
    }

    [Theory]
    [InlineData("backend-url", "http://x:8081", "must be a ws:// or wss:// URL")]
    [InlineData("api-port", "70000", "api-port must be between 0 and 65535")]
    [InlineData("keepalive-interval", "0", "keepalive-interval must be greater than 0")]
    [InlineData("name", "bad name", "agent name")]
    [InlineData("cert-file", "/nonexistent.pem", "cert-file and key-file must be given together")]
    [InlineData("keepalive-interval", "abc", "invalid value \"abc\" for keepalive-interval")]
    [InlineData("allow-list", "/no/such/allow.yml", "allow-list \"/no/such/allow.yml\" does not exist")]
    [InlineData("events-rate-limit", "-1", "events-rate-limit must be a number of events per second, 0 or more")]
    [InlineData("events-rate-limit", "NaN", "events-rate-limit must be a number of events per second, 0 or more")]
    [InlineData("events-rate-limit", "Infinity", "events-rate-limit must be a number of events per second, 0 or more")]
    [InlineData("events-burst-limit", "-5", "events-burst-limit must not be negative")]
    [InlineData("events-rate-limit", "fast", "invalid value \"fast\" for events-rate-limit")]
    public void Invalid_settings_are_refused_at_start(string flag, string value, string message)
    {
        var flags = new Dictionary<string, string> { ["config-file"] = ConfigFile("{}"), [flag] = value };
        var e = Assert.Throws<SettingsException>(() => AgentSettings.Load(flags, Env([])));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_explicit_config_file_is_an_error()
    {
        var e = Assert.Throws<SettingsException>(() =>
            AgentSettings.Load(new Dictionary<string, string> { ["config-file"] = "/nope/agent.yml" }, Env([])));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_flag_has_a_SENSU_variable() =>
        Assert.All(AgentFlags.All, f => Assert.StartsWith("SENSU_", f.EnvironmentVariable, StringComparison.Ordinal));
}
