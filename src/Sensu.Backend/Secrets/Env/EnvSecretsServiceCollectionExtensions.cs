using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Sensu.Backend.Secrets.Env;

/// <summary>Registers the <c>Env</c> secrets provider kind.</summary>
public static class EnvSecretsServiceCollectionExtensions
{
    public static IServiceCollection AddEnvSecretProvider(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretProviderFactory, EnvSecretProviderFactory>());
        return services;
    }
}
