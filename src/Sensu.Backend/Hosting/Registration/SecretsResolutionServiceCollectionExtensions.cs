using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensu.Backend.Cluster;
using Sensu.Backend.Hosting;
using Sensu.Backend.Secrets;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Hosting;

/// <summary>Registers secrets resolution: providers, catalog, cache, resolver and redaction by value.</summary>
public static class SecretsResolutionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SecretProviderRegistry"/> (hosted), <see cref="SecretCatalog"/>,
    /// <see cref="SecretCache"/>, <see cref="SecretsResolver"/>, <see cref="SecretScrubber"/> and
    /// <see cref="SecretsMetrics"/> (built with the <see cref="ScrubberSeed"/> of <see cref="StartupScrubValues"/>), the backend entity (<see cref="BackendEntityServiceCollectionExtensions.AddBackendEntity"/>)
    /// and the <c>secrets</c> backend events (<see cref="SecretsHealthEvents"/>, hosted), validates <see cref="SecretsOptions"/> at start, and replaces the
    /// <see cref="ILoggerFactory"/> with one whose every provider is wrapped in a
    /// <see cref="ScrubbingLoggerProvider"/>, so no log line of the process carries a registered value, whatever
    /// the order in which logging providers were added. (Provider-specific log filter rules, such as
    /// <c>Logging:Console:LogLevel</c>, no longer match the wrapped providers; global rules still apply.)
    /// Provider kinds register themselves apart (<c>AddEnvSecretProvider</c>, <c>AddVaultSecretProvider</c>): a provider
    /// of a kind with no <see cref="ISecretProviderFactory"/> is kept as a <see cref="BrokenSecretProvider"/>.
    /// </summary>
    public static IServiceCollection AddSecrets(this IServiceCollection services, Action<SecretsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddMetrics();
        services.AddLogging();
        var options = services.AddOptions<SecretsOptions>();
        if (configure is not null)
            options.Configure(configure);
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecretsOptions>, SecretsOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        // Taken by the scrubber's constructor: the backend's credentials and the values the Env provider could serve.
        services.TryAddSingleton(sp => ScrubberSeed.From(sp.GetRequiredService<IOptions<SecretsOptions>>().Value, Sensu.Execution.ChildEnvironmentPolicy.ProcessVariables()));
        services.TryAddSingleton<SecretScrubber>();
        services.TryAddSingleton<SecretsMetrics>();
        services.TryAddSingleton<SecretCache>();
        services.TryAddSingleton<SecretCatalog>();
        services.TryAddSingleton<SecretProviderBuilder>();
        services.TryAddSingleton<SecretProviderRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<SecretProviderRegistry>());
        services.AddBackendEntity();
        services.TryAddSingleton<SecretsHealthEvents>();
        services.AddHostedService(sp => sp.GetRequiredService<SecretsHealthEvents>());
        services.TryAddSingleton<SecretAudit>();
        services.TryAddSingleton<SecretsResolver>();

        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp =>
        {
            var scrubber = sp.GetRequiredService<SecretScrubber>();
            return new LoggerFactory(
                sp.GetServices<ILoggerProvider>().Select(p => p is ScrubbingLoggerProvider ? p : new ScrubbingLoggerProvider(p, scrubber)),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(),
                sp.GetService<IExternalScopeProvider>());
        }));
        return services;
    }
}
