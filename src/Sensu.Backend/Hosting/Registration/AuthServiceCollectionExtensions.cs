using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sensu.Backend.Authentication;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Hosting;

/// <summary>Registers authentication (tokens, sessions, users, API keys); RBAC is <c>AddSensuAuthorization</c> (Authorization/).</summary>
public static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// Needs <see cref="Store.IResourceReader"/>, <see cref="Store.IResourceWriter"/>, <see cref="Store.IChangeFeed"/> and (for the user and API key
    /// endpoints) <see cref="ResourceService"/> registered elsewhere; adds <see cref="TimeProvider.System"/> if none is.
    /// </summary>
    public static IServiceCollection AddSensuAuth(this IServiceCollection services, Action<AuthOptions>? configure = null)
    {
        var options = services.AddOptions<AuthOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISigningKeyProvider, StoreSigningKeyProvider>();
        services.TryAddSingleton<JwtTokenService>();
        services.TryAddSingleton<AuthSessions>();
        if (!services.Any(d => d.ServiceType == typeof(AuthStateView)))
        {
            services.AddSingleton<AuthStateView>();
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => sp.GetRequiredService<AuthStateView>());
        }
        services.TryAddSingleton<IPasswordVerifier, BcryptPasswordVerifier>();
        services.TryAddSingleton<PasswordCheckPool>();
        services.TryAddSingleton<LoginThrottle>();
        services.TryAddSingleton<VerifiedPasswordCache>();
        services.TryAddSingleton<UserDirectory>();
        services.TryAddSingleton<AuthService>();
        services.TryAddSingleton<IUserPasswordService, UserPasswordService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceWriteHook, UserWriteHook>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IResourceOutputFilter, UserOutputFilter>());
        return services;
    }
}
