using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Store;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Turns a stored provider resource into a working <see cref="ISecretProvider"/> with the factory registered for its
/// kind (<see cref="ISecretProviderFactory"/>), or into a <see cref="BrokenSecretProvider"/> that carries the reason
/// it could not be built.
/// </summary>
public sealed class SecretProviderBuilder
{
    private readonly Dictionary<Type, ISecretProviderFactory> _factories;

    public SecretProviderBuilder(IEnumerable<ISecretProviderFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        _factories = [];
        foreach (var factory in factories)
            _factories[factory.ResourceType] = factory; // the last registered for a kind wins, as in DI
    }

    /// <summary>Cause given for a provider whose kind has no factory in this backend.</summary>
    public static string NoFactory(string typeName) => $"no {typeName} provider kind is available in this backend";

    public ISecretProvider Build(StoredResource stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        IResource resource;
        try
        {
            resource = ResourceService.Decode(stored);
        }
        catch (Exception ex)
        {
            return new BrokenSecretProvider(stored.Key.Name, ApiVersionOf(stored), stored.Type, $"stored resource cannot be read: {ex.Message}");
        }
        return Build(resource);
    }

    public ISecretProvider Build(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = resource.Metadata.Name ?? string.Empty;
        var (apiVersion, typeName) = ResourceRegistry.All.FirstOrDefault(t => t.ClrType == resource.GetType()) is { } type
            ? (type.ApiVersion, type.Name)
            : (string.Empty, resource.GetType().Name);
        if (!_factories.TryGetValue(resource.GetType(), out var factory))
            return new BrokenSecretProvider(name, apiVersion, typeName, NoFactory(apiVersion.Length > 0 ? $"{apiVersion}.{typeName}" : typeName));
        try
        {
            return factory.Create(resource);
        }
        catch (Exception ex)
        {
            return new BrokenSecretProvider(name, apiVersion, typeName, ex.Message);
        }
    }

    private static string ApiVersionOf(StoredResource stored) => stored.Key.Kind[..Math.Max(0, stored.Key.Kind.LastIndexOf('/'))];
}
