using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>
/// Type-specific work before a resource is written or deleted (hash a password, check a provider's
/// TLS files, compute a silence's name...). Throw <see cref="ResourceException"/> to refuse.
/// </summary>
public interface IResourceWriteHook
{
    bool AppliesTo(ResourceType type);

    ValueTask BeforeWriteAsync(ResourceType type, IResource resource, CancellationToken cancellationToken);

    ValueTask BeforeDeleteAsync(ResourceType type, ResourceKey key, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
