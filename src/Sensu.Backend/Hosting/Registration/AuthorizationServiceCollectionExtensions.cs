using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Authorization;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Hosting;

/// <summary>Registers RBAC: the rule source (roles and bindings in the store), the authorizer, and the namespace visibility filter of listings.</summary>
public static class AuthorizationServiceCollectionExtensions
{
    public static IServiceCollection AddSensuAuthorization(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceOutputFilter, NamespaceVisibilityFilter>());
        services.TryAddSingleton<IRbacRuleSource, StoreRbacRuleSource>();
        services.TryAddSingleton<IAuthorizer, RbacAuthorizer>();
        return services;
    }
}
