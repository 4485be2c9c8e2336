using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sensu.Backend.Agentd;
using Sensu.Backend.Apid;
using Sensu.Backend.Cluster;
using Sensu.Backend.Eventd;
using Sensu.Backend.Hosting;
using Sensu.Backend.Keepalived;
using Sensu.Backend.Pipelined;
using Sensu.Backend.Secrets;
using Sensu.Core.Configuration;

namespace Sensu.Backend.Tests.Hosting;

/// <summary>
/// Issue 18, point 3: each daemon owns its options, bound from the backend's flags (<see cref="BackendOptions"/>, the
/// binding source) and validated at start; flags nothing uses yet are refused unless left at Sensu's default.
/// </summary>
public sealed class BackendOptionsBindingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sensu-binding-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Each_daemon_gets_its_own_settings()
    {
        var options = new BackendOptions
        {
            ApiListenAddress = "127.0.0.1:9080",
            ApiRequestLimit = 1024,
            AgentHost = "127.0.0.1",
            AgentPort = 9081,
            AgentWriteTimeout = 7,
            AgentRateLimit = 5,
            AgentBurstLimit = 9,
            CertFile = "/c.pem",
            KeyFile = "/k.pem",
            EventdWorkers = 3,
            EventdBufferSize = 30,
            KeepalivedWorkers = 4,
            KeepalivedBufferSize = 40,
            DeregistrationHandler = "dereg",
            PipelinedWorkers = 5,
            PipelinedBufferSize = 50,
            EventLogFile = "/events.log",
            ChildEnvAllowList = "PATH",
            CacheDir = "/cache",
            AssetsRateLimit = 2.5,
            AssetsBurstLimit = 7,
            TrustedCaFile = "/ca.pem",
            StateDir = "/state",
            StoreSync = "normal",
            ClusterAdminPassword = "admin-pw-1",
            ClusterAdminApiKey = "api-key-1",
        };
        using var services = new ServiceCollection().AddBackendOptions(options).BuildServiceProvider();

        var apid = services.GetRequiredService<IOptions<ApidOptions>>().Value;
        Assert.Equal(("127.0.0.1:9080", 1024, "/c.pem", "/k.pem"), (apid.ListenAddress, apid.RequestLimit, apid.CertFile, apid.KeyFile));
        var agentd = services.GetRequiredService<IOptions<AgentdOptions>>().Value;
        Assert.Equal(("127.0.0.1", 9081, 7, 5, 9, "/c.pem"), (agentd.Host, agentd.Port, agentd.WriteTimeout, agentd.RateLimit, agentd.BurstLimit, agentd.CertFile));
        var eventd = services.GetRequiredService<IOptions<EventdOptions>>().Value;
        Assert.Equal((3, 30), (eventd.Workers, eventd.BufferSize));
        var keepalived = services.GetRequiredService<IOptions<KeepalivedOptions>>().Value;
        Assert.Equal((4, 40, "dereg"), (keepalived.Workers, keepalived.BufferSize, keepalived.DeregistrationHandler));
        var pipelined = services.GetRequiredService<IOptions<PipelinedOptions>>().Value;
        Assert.Equal((5, 50, "/events.log", "PATH"), (pipelined.Workers, pipelined.BufferSize, pipelined.EventLogFile, pipelined.ChildEnvAllowList));
        Assert.Equal(("/cache", 2.5, 7, "/ca.pem"), (pipelined.CacheDir, pipelined.AssetsRateLimit, pipelined.AssetsBurstLimit, pipelined.TrustedCaFile));
        var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        Assert.Equal(("/state", "normal"), (store.StateDir, store.StoreSync));
        Assert.Equal(["admin-pw-1", "api-key-1"], services.GetRequiredService<IOptions<SecretsOptions>>().Value.Credentials);
    }

    [Fact]
    public async Task A_daemon_validates_its_options_at_start()
    {
        var options = new BackendOptions
        {
            StateDir = Path.Combine(_dir, "state"),
            CacheDir = Path.Combine(_dir, "cache"),
            ApiListenAddress = "127.0.0.1:0",
            AgentHost = "127.0.0.1",
            AgentPort = 0,
            DashboardHost = "127.0.0.1",
            DashboardPort = 0,
            EventdWorkers = 0,
        };
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            var app = BackendHost.Build(options, []);
            await using (app)
                await app.StartAsync(CancellationToken.None);
        });
        Assert.Contains("eventd-workers must be between 1 and 10000", error.Message, StringComparison.Ordinal);
        Assert.Equal(StartupFailure.SettingsExitCode, BackendStartupFailures.ExitCode(error));
    }

    [Fact]
    public void The_same_rules_run_when_the_flags_are_read()
    {
        var error = Assert.Throws<SettingsException>(() => BackendSettings.Load(
            Flags(("config-file", Config("")), ("pipelined-workers", "0"), ("keepalived-buffer-size", "0"), ("api-request-limit", "0")), _ => null));
        Assert.Contains("pipelined-workers must be between 1 and 10000", error.Message, StringComparison.Ordinal);
        Assert.Contains("keepalived-buffer-size must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("api-request-limit must be at least 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api-url", "http://localhost:8080")]
    [InlineData("api-url", "https://sensu.example.test:8080")] // any value: Sensu's example backend.yml files set it
    [InlineData("insecure-skip-tls-verify", "false")]
    public void Unused_flags_at_sensus_default_are_accepted(string flag, string value)
    {
        var options = BackendSettings.Load(Flags(("config-file", Config($"{flag}: \"{value}\"\n"))), _ => null);
        Assert.Equal(3000, options.DashboardPort);
        Assert.False(options.InsecureSkipTlsVerify);
    }

    [Theory]
    [InlineData("insecure-skip-tls-verify", "true", "insecure-skip-tls-verify: the backend makes no TLS connection")]
    public void Unused_flags_set_otherwise_are_refused_by_flag_variable_or_file(string flag, string value, string message)
    {
        var empty = Config("");
        var byFlag = Assert.Throws<SettingsException>(() => BackendSettings.Load(Flags(("config-file", empty), (flag, value)), _ => null));
        var byVariable = Assert.Throws<SettingsException>(() => BackendSettings.Load(
            Flags(("config-file", empty)), v => v == "SENSU_BACKEND_" + flag.Replace('-', '_').ToUpperInvariant() ? value : null));
        var byFile = Assert.Throws<SettingsException>(() => BackendSettings.Load(Flags(("config-file", Config($"{flag}: \"{value}\"\n"))), _ => null));
        Assert.All(new[] { byFlag, byVariable, byFile }, e => Assert.StartsWith(message, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_flag_keeps_its_name_and_variable()
    {
        string[] expected =
        [
            "state-dir", "cache-dir", "api-listen-address", "api-url", "api-request-limit", "agent-host", "agent-port",
            "agent-auth-cert-file", "agent-auth-key-file", "agent-auth-trusted-ca-file", "agent-auth-crl-urls",
            "agent-write-timeout", "agent-rate-limit", "agent-burst-limit", "assets-rate-limit", "assets-burst-limit",
            "dashboard-host", "dashboard-port", "dashboard-cert-file", "dashboard-key-file", "log-level", "log-format", "cert-file", "key-file", "trusted-ca-file",
            "insecure-skip-tls-verify", "deregistration-handler", "eventd-workers", "eventd-buffer-size",
            "keepalived-workers", "keepalived-buffer-size", "pipelined-workers", "pipelined-buffer-size", "event-log-file",
            "cluster-admin-username", "cluster-admin-password", "cluster-admin-api-key", "child-env-allow-list", "labels",
            "annotations", "store-sync",
            "store", "postgres-dsn", "postgres-max-open-conns", "postgres-max-idle-conns", "postgres-max-conn-lifetime",
            "postgres-batch-buffer", "postgres-batch-size", "postgres-batch-workers",
            "cluster-heartbeat-interval", "cluster-member-ttl", "cluster-lease-ttl",
        ];
        Assert.Equal(expected, BackendFlags.All.Select(f => f.Name));
        Assert.All(BackendFlags.All, f => Assert.Equal("SENSU_BACKEND_" + f.Name.Replace('-', '_').ToUpperInvariant(), f.EnvironmentVariable));
        Assert.Equal("SENSU_BACKEND_CONFIG_FILE", BackendFlags.Table.ConfigFileVariable);
    }

    [Fact]
    public void The_cluster_timings_come_from_their_flags()
    {
        var options = BackendSettings.Load(Flags(("config-file", Config("")),
            ("cluster-heartbeat-interval", "500ms"), ("cluster-member-ttl", "3s"), ("cluster-lease-ttl", "2")), _ => null);
        using var services = new ServiceCollection().AddBackendOptions(options).BuildServiceProvider();

        var cluster = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal((TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2)),
            (cluster.HeartbeatInterval, cluster.MemberTtl, cluster.LeaseTtl));
        using var unset = new ServiceCollection().AddBackendOptions(new BackendOptions()).BuildServiceProvider();
        var defaults = unset.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(15)),
            (defaults.HeartbeatInterval, defaults.MemberTtl, defaults.LeaseTtl));
    }

    private string Config(string yaml)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".yml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static Dictionary<string, string> Flags(params (string Name, string Value)[] flags) =>
        flags.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
}
