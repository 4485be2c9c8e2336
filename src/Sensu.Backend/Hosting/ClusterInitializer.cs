using Microsoft.Extensions.Logging;
using Sensu.Backend.Apid;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;
using Sensu.Store;

namespace Sensu.Backend.Hosting;

/// <summary>
/// Seeds a new store (default namespace, RBAC, admin and agent users) exactly once, atomically, and keeps
/// the built-in <c>env</c> secrets provider in place at every start.
/// </summary>
public sealed partial class ClusterInitializer(
    ResourceService resources,
    IResourceReader reader,
    IResourceWriter writer,
    BackendOptions options,
    IClusterSeeds seeds,
    ILogger<ClusterInitializer> logger)
{
    /// <summary>The marker written in the same transaction as the seeds.</summary>
    public static readonly ResourceKey InitializedKey = ResourceKey.Cluster("internal/cluster", "initialized");

    public const string DefaultNamespace = "default";

    public const string EnvProviderName = "env";

    public async Task<bool> IsInitializedAsync(CancellationToken cancellationToken) =>
        await reader.GetAsync(InitializedKey, cancellationToken) is not null;

    /// <summary>Seeds the store; returns false (and changes nothing) when it was already initialised.</summary>
    public async Task<bool> InitializeAsync(string adminUsername, string adminPassword, string? adminApiKey, CancellationToken cancellationToken)
    {
        if (await IsInitializedAsync(cancellationToken))
            return false;

        var writes = new List<ResourceWrite>();
        var defaultNamespace = new Namespace { Metadata = new ObjectMeta { Name = DefaultNamespace } };
        foreach (var resource in seeds.Create(adminUsername, adminPassword, adminApiKey).Prepend(defaultNamespace))
            writes.Add(await resources.PrepareAsync(resource, cancellationToken));
        writes.Add(new ResourceWrite(InitializedKey, "Initialized", "{\"initialized\":true}"));
        await writer.PutManyAsync(writes, cancellationToken);
        LogInitialized(logger, adminUsername);
        return true;
    }

    /// <summary>At start: seed when admin credentials are configured and the store is new; make sure <c>env</c> exists.</summary>
    public async Task OnStartAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.ClusterAdminUsername) && !string.IsNullOrEmpty(options.ClusterAdminPassword))
            await InitializeAsync(options.ClusterAdminUsername, options.ClusterAdminPassword, options.ClusterAdminApiKey, cancellationToken);
        else if (!await IsInitializedAsync(cancellationToken))
            LogNotInitialized(logger);

        if (await resources.GetAsync<EnvProvider>(null, EnvProviderName, cancellationToken) is null)
        {
            await resources.PutAsync(new EnvProvider { Metadata = new ObjectMeta { Name = EnvProviderName } }, cancellationToken);
            LogEnvProviderCreated(logger);
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information, Message = "store initialized with admin user {Username}")]
    private static partial void LogInitialized(ILogger logger, string username);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "store is not initialized: run 'sensu-backend init' or set SENSU_BACKEND_CLUSTER_ADMIN_USERNAME and SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD")]
    private static partial void LogNotInitialized(ILogger logger);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Information, Message = "created the built-in env secrets provider")]
    private static partial void LogEnvProviderCreated(ILogger logger);
}
