using Sensu.Core.Meta;

namespace Sensu.Backend.Secrets;

/// <summary>The typed base of a provider kind's <see cref="ISecretProviderFactory"/>.</summary>
public abstract class SecretProviderFactory<TResource> : ISecretProviderFactory
    where TResource : class, IResource
{
    public Type ResourceType => typeof(TResource);

    public ISecretProvider Create(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return Create(resource as TResource
            ?? throw new ArgumentException($"{GetType().Name} builds {typeof(TResource).Name} providers, not {resource.GetType().Name}", nameof(resource)));
    }

    protected abstract ISecretProvider Create(TResource resource);
}
