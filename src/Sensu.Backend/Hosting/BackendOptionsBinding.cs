using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Agentd;
using Sensu.Backend.Apid;
using Sensu.Backend.Cluster;
using Sensu.Backend.Dashboard;
using Sensu.Backend.Eventd;
using Sensu.Backend.Keepalived;
using Sensu.Backend.Pipelined;
using Sensu.Backend.Secrets;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Where each daemon's options come from: the parsed flags (<see cref="BackendOptions"/>) copied into the options
/// class the daemon owns, which it validates at start (<c>ValidateOnStart</c>, registered by its <c>AddX</c>).
/// <see cref="BackendSettings.Validate"/> runs the same rules as soon as the flags are read.
/// </summary>
public static class BackendOptionsBinding
{
    /// <summary>Binds every daemon's options from <paramref name="options"/>.</summary>
    public static IServiceCollection AddBackendOptions(this IServiceCollection services, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.Configure<ApidOptions>(o => Apid(options, o));
        services.Configure<AgentdOptions>(o => Agentd(options, o));
        services.Configure<EventdOptions>(o => Eventd(options, o));
        services.Configure<KeepalivedOptions>(o => Keepalived(options, o));
        services.Configure<PipelinedOptions>(o => Pipelined(options, o));
        services.Configure<StoreOptions>(o => Store(options, o));
        services.Configure<SecretsOptions>(o => Secrets(options, o));
        services.Configure<DashboardOptions>(o => Dashboard(options, o));
        services.Configure<ClusterOptions>(o => Cluster(options, o));
        return services;
    }

    /// <summary>Every daemon's options as <paramref name="options"/> sets them, for validation.</summary>
    public static IEnumerable<object> All(BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        yield return Bound<ApidOptions>(o => Apid(options, o));
        yield return Bound<AgentdOptions>(o => Agentd(options, o));
        yield return Bound<EventdOptions>(o => Eventd(options, o));
        yield return Bound<KeepalivedOptions>(o => Keepalived(options, o));
        yield return Bound<PipelinedOptions>(o => Pipelined(options, o));
        yield return Bound<StoreOptions>(o => Store(options, o));
        yield return Bound<DashboardOptions>(o => Dashboard(options, o));
        yield return Bound<ClusterOptions>(o => Cluster(options, o));
    }

    public static ApidOptions Apid(BackendOptions options) => Bound<ApidOptions>(o => Apid(options, o));

    public static AgentdOptions Agentd(BackendOptions options) => Bound<AgentdOptions>(o => Agentd(options, o));

    public static StoreOptions Store(BackendOptions options) => Bound<StoreOptions>(o => Store(options, o));

    public static DashboardOptions Dashboard(BackendOptions options) => Bound<DashboardOptions>(o => Dashboard(options, o));

    private static void Dashboard(BackendOptions b, DashboardOptions o)
    {
        o.Host = b.DashboardHost;
        o.Port = b.DashboardPort;
        o.CertFile = b.DashboardCertFile;
        o.KeyFile = b.DashboardKeyFile;
    }

    private static void Cluster(BackendOptions b, ClusterOptions o)
    {
        o.HeartbeatInterval = b.ClusterHeartbeatInterval;
        o.MemberTtl = b.ClusterMemberTtl;
        o.LeaseTtl = b.ClusterLeaseTtl;
    }

    private static T Bound<T>(Action<T> bind) where T : new()
    {
        var bound = new T();
        bind(bound);
        return bound;
    }

    private static void Apid(BackendOptions b, ApidOptions o)
    {
        o.ListenAddress = b.ApiListenAddress;
        o.RequestLimit = b.ApiRequestLimit;
        o.CertFile = b.CertFile;
        o.KeyFile = b.KeyFile;
    }

    private static void Agentd(BackendOptions b, AgentdOptions o)
    {
        o.Host = b.AgentHost;
        o.Port = b.AgentPort;
        o.AuthCertFile = b.AgentAuthCertFile;
        o.AuthKeyFile = b.AgentAuthKeyFile;
        o.AuthTrustedCaFile = b.AgentAuthTrustedCaFile;
        o.AuthCrlUrls = b.AgentAuthCrlUrls;
        o.CertFile = b.CertFile;
        o.KeyFile = b.KeyFile;
        o.WriteTimeout = b.AgentWriteTimeout;
        o.RateLimit = b.AgentRateLimit;
        o.BurstLimit = b.AgentBurstLimit;
    }

    private static void Eventd(BackendOptions b, EventdOptions o)
    {
        o.Workers = b.EventdWorkers;
        o.BufferSize = b.EventdBufferSize;
    }

    private static void Keepalived(BackendOptions b, KeepalivedOptions o)
    {
        o.Workers = b.KeepalivedWorkers;
        o.BufferSize = b.KeepalivedBufferSize;
        o.DeregistrationHandler = b.DeregistrationHandler;
    }

    private static void Pipelined(BackendOptions b, PipelinedOptions o)
    {
        o.Workers = b.PipelinedWorkers;
        o.BufferSize = b.PipelinedBufferSize;
        o.EventLogFile = b.EventLogFile;
        o.ChildEnvAllowList = b.ChildEnvAllowList;
        o.CacheDir = b.CacheDir;
        o.AssetsRateLimit = b.AssetsRateLimit;
        o.AssetsBurstLimit = b.AssetsBurstLimit;
        o.TrustedCaFile = b.TrustedCaFile;
    }

    private static void Store(BackendOptions b, StoreOptions o)
    {
        o.StateDir = b.StateDir;
        o.StoreSync = b.StoreSync;
        o.Store = b.Store;
        o.PostgresDsn = b.PostgresDsn;
        o.PostgresMaxOpenConns = b.PostgresMaxOpenConns;
        o.PostgresMaxIdleConns = b.PostgresMaxIdleConns;
        o.PostgresMaxConnLifetime = b.PostgresMaxConnLifetime;
        o.PostgresBatchBuffer = b.PostgresBatchBuffer;
        o.PostgresBatchSize = b.PostgresBatchSize;
        o.PostgresBatchWorkers = b.PostgresBatchWorkers;
    }

    /// <summary>The backend's own credentials, scrubbed from start and never passed to a command.</summary>
    private static void Secrets(BackendOptions b, SecretsOptions o)
    {
        foreach (var credential in new[] { b.ClusterAdminPassword, b.ClusterAdminApiKey })
        {
            if (!string.IsNullOrEmpty(credential) && !o.Credentials.Contains(credential))
                o.Credentials.Add(credential);
        }
        string[] credentialFlags = ["cluster-admin-password", "cluster-admin-api-key"];
        o.SettingVariables.UnionWith(BackendFlags.All.Where(f => !credentialFlags.Contains(f.Name)).Select(f => f.EnvironmentVariable));
        o.SettingVariables.Add("SENSU_BACKEND_CONFIG_FILE");
    }
}
