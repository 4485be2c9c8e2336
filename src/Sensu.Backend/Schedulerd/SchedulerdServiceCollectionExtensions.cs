using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Hosting;

namespace Sensu.Backend.Schedulerd;

/// <summary>Registers Schedulerd: interval and cron timers, round robin, proxy checks, ad hoc requests.</summary>
public static class SchedulerdServiceCollectionExtensions
{
    public static IServiceCollection AddSchedulerd(this IServiceCollection services, BackendOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return services;
    }
}
