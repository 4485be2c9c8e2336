using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Apid;

namespace Sensu.Backend.Secrets;

/// <summary>Registers what the secrets API needs beyond the generic routes: provider checks and token redaction.</summary>
public static class SecretsServiceCollectionExtensions
{
    public static IServiceCollection AddSecretsApi(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceWriteHook, VaultProviderTlsCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceOutputFilter, VaultTokenOutputFilter>());
        return services;
    }
}
