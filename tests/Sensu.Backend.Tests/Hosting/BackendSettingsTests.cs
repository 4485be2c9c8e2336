using Sensu.Backend.Hosting;
using Sensu.Core.Configuration;

namespace Sensu.Backend.Tests.Hosting;

/// <summary>Flags beat SENSU_BACKEND_* variables, which beat backend.yml, which beats Sensu's defaults.</summary>
public sealed class BackendSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sensu-settings-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Defaults_are_sensus()
    {
        var options = BackendSettings.Load(Flags(("config-file", WriteConfig(""))), _ => null);
        Assert.Equal("[::]:8080", options.ApiListenAddress);
        Assert.Equal("http://localhost:8080", options.ApiUrl);
        Assert.Equal(8081, options.AgentPort);
        Assert.Equal(512000, options.ApiRequestLimit);
        Assert.Equal("/var/lib/sensu/sensu-backend", options.StateDir);
        Assert.Equal("warn", options.LogLevel);
        Assert.Equal(100, options.EventdWorkers);
    }

    [Fact]
    public void Flag_beats_environment_beats_file()
    {
        var file = WriteConfig("state-dir: /from/file\nagent-port: 9000\nlog-level: debug\nlabels:\n  region: eu\n");
        var env = new Dictionary<string, string>
        {
            ["SENSU_BACKEND_STATE_DIR"] = "/from/env",
            ["SENSU_BACKEND_AGENT_PORT"] = "9100",
        };
        var options = BackendSettings.Load(Flags(("config-file", file), ("state-dir", "/from/flag")), env.GetValueOrDefault);
        Assert.Equal("/from/flag", options.StateDir);
        Assert.Equal(9100, options.AgentPort);
        Assert.Equal("debug", options.LogLevel);
        Assert.Equal("eu", options.Labels["region"]);
    }

    [Fact]
    public void The_config_file_can_come_from_the_environment()
    {
        var file = WriteConfig("api-listen-address: 127.0.0.1:9999\n");
        var options = BackendSettings.Load(Flags(), name => name == "SENSU_BACKEND_CONFIG_FILE" ? file : null);
        Assert.Equal("127.0.0.1:9999", options.ApiListenAddress);
    }

    [Theory]
    [InlineData("agent-port", "eighty", "agent-port")]
    [InlineData("log-level", "loud", "log-level")]
    [InlineData("insecure-skip-tls-verify", "maybe", "insecure-skip-tls-verify")]
    public void Bad_values_name_the_setting(string flag, string value, string named)
    {
        var ex = Assert.Throws<SettingsException>(() => BackendSettings.Load(Flags(("config-file", WriteConfig("")), (flag, value)), _ => null));
        Assert.Contains(named, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_explicit_config_file_is_an_error()
    {
        var ex = Assert.Throws<SettingsException>(() => BackendSettings.Load(Flags(("config-file", "/nonexistent/backend.yml")), _ => null));
        Assert.Contains("/nonexistent/backend.yml", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_config_file_names_the_file_and_line()
    {
        var ex = Assert.Throws<SettingsException>(() => BackendSettings.Load(Flags(("config-file", WriteConfig("state-dir: [unclosed\n"))), _ => null));
        Assert.Contains("backend.yml", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[::]:8080", true, 8080)]
    [InlineData("127.0.0.1:0", false, 0)]
    [InlineData(":3000", true, 3000)]
    [InlineData("localhost:8080", false, 8080)]
    public void Listen_addresses_parse_like_sensus(string value, bool any, int port)
    {
        var address = ListenAddress.Parse(value, "api-listen-address");
        Assert.Equal(any, address.IsAny);
        Assert.Equal(port, address.Port);
    }

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_dir, "backend.yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Dictionary<string, string> Flags(params (string Name, string Value)[] flags) =>
        flags.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
