using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Secrets;
using Sensu.Store;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Turns a stored provider resource into a working <see cref="ISecretProvider"/>, or into a
/// <see cref="BrokenSecretProvider"/> that carries the reason it could not be built.
/// </summary>
public sealed class SecretProviderBuilder(IVaultProviderFactory? vaultFactory = null)
{
    /// <summary>Cause given when the backend has no Vault client registered.</summary>
    public const string NoVaultClient = "no Vault client is available in this backend";

    public ISecretProvider Build(StoredResource stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        IResource resource;
        try
        {
            resource = Apid.ResourceService.Decode(stored);
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
        var type = ResourceRegistry.For(resource);
        var name = resource.Metadata.Name ?? string.Empty;
        try
        {
            return resource switch
            {
                EnvProvider => new EnvSecretProvider(name),
                VaultProvider when vaultFactory is null => Broken(type, name, NoVaultClient),
                VaultProvider vault => vaultFactory!.Create(vault),
                _ => Broken(type, name, $"{type.FullName} is not a secrets provider type"),
            };
        }
        catch (Exception ex)
        {
            return Broken(type, name, ex.Message);
        }
    }

    private static BrokenSecretProvider Broken(ResourceType type, string name, string cause) =>
        new(name, type.ApiVersion, type.Name, cause);

    private static string ApiVersionOf(StoredResource stored) => stored.Key.Kind[..Math.Max(0, stored.Key.Kind.LastIndexOf('/'))];
}
