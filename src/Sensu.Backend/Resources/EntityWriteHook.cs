using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>Users may not create backend-class entities; deleting an entity deletes its events too.</summary>
public sealed class EntityWriteHook(IEventStore events) : IResourceWriteHook
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(Entity);

    public ValueTask BeforeWriteAsync(ResourceType type, IResource resource, CancellationToken cancellationToken)
    {
        if (resource is Entity entity)
        {
            try
            {
                entity.EnsureUserCreatable();
            }
            catch (Sensu.Core.Validation.ResourceValidationException ex)
            {
                throw ResourceException.Invalid(ex.Message);
            }
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask BeforeDeleteAsync(ResourceType type, ResourceKey key, CancellationToken cancellationToken) =>
        await events.DeleteEntityEventsAsync(key.Namespace, key.Name, cancellationToken);
}
