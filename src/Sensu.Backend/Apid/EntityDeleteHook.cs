using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary>Deleting an entity deletes its events too; users may not create backend-class entities.</summary>
public sealed class EntityDeleteHook(IEventStore events) : IResourceWriteHook
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(Entity);

    public ValueTask BeforeWriteAsync(ResourceType type, IResource resource, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask BeforeDeleteAsync(ResourceType type, ResourceKey key, CancellationToken cancellationToken) =>
        await events.DeleteEntityEventsAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
}
