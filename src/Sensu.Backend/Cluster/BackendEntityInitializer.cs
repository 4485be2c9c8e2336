using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Cluster;

/// <summary>
/// At start, makes sure the <c>sensu-system</c> namespace and this backend's entity exist (secrets-spec §4.3),
/// creating the namespace when missing and writing the entity (created, or updated when a previous version of it
/// differs in class or in system facts, so an upgraded or moved host is described as it is now). Runs once, before
/// the daemons that report about the backend start publishing.
/// </summary>
public sealed partial class BackendEntityInitializer(
    BackendEntity identity,
    ResourceService resources,
    IResourceWriter writer,
    ILogger<BackendEntityInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await resources.GetAsync<Namespace>(null, BackendEntity.Namespace, cancellationToken) is null)
        {
            await resources.PutAsync(new Namespace(BackendEntity.Namespace), cancellationToken);
            LogNamespaceCreated(logger, BackendEntity.Namespace);
        }
        var existing = await resources.GetAsync<Entity>(BackendEntity.Namespace, identity.Name, cancellationToken);
        if (existing is null || existing.EntityClass != Entity.BackendClass || !SameSystem(existing.System, identity.Entity.System))
        {
            // Straight to the store: the API's entity hook refuses backend-class entities from users, rightly.
            var entity = identity.ToEntity();
            entity.Validate();
            await writer.PutAsync(ResourceService.ToWrite(ResourceRegistry.For<Entity>(), entity), cancellationToken);
            LogEntityWritten(logger, identity.Name, BackendEntity.Namespace);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool SameSystem(EntitySystem? stored, EntitySystem? current) =>
        stored is not null && current is not null
        && JsonSerializer.SerializeToUtf8Bytes(stored, SensuJsonContext.Default.EntitySystem)
            .AsSpan().SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(current, SensuJsonContext.Default.EntitySystem));

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information, Message = "created namespace {Namespace} for the backend's own entities and events")]
    private static partial void LogNamespaceCreated(ILogger logger, string @namespace);

    [LoggerMessage(EventId = 1021, Level = LogLevel.Information, Message = "backend entity {Entity} registered in namespace {Namespace}")]
    private static partial void LogEntityWritten(ILogger logger, string entity, string @namespace);
}
