using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Registers the <c>VaultProvider</c> secrets provider kind: its factory, the write check of its TLS files and the
/// redaction of its token in API answers.
/// </summary>
public static class VaultSecretsServiceCollectionExtensions
{
    public static IServiceCollection AddVaultSecretProvider(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretProviderFactory, VaultSecretProviderFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceWriteHook, VaultProviderTlsCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceOutputFilter, VaultTokenOutputFilter>());
        return services;
    }
}
