using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Configuration;
using Sensu.Core.Configuration;
using Sensu.Core.Logging;

namespace Sensu.Agent.Hosting;

/// <summary>Builds and runs the agent's host: composition only.</summary>
public static class AgentHost
{
    /// <summary>
    /// Runs the agent until <paramref name="cancellationToken"/> is cancelled; expected start-up failures (a setting,
    /// a port in use) propagate to <see cref="StartupFailure"/>, the one place that reports them.
    /// </summary>
    public static async Task<int> RunAsync(AgentOptions options, CancellationToken cancellationToken)
    {
        using var host = Build(options, []);
        await host.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>Builds the host; tests pass their own options and service overrides.</summary>
    public static IHost Build(AgentOptions options, IReadOnlyList<Action<IServiceCollection>> overrides)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = true,
        });
        builder.Logging.AddSensuConsole("agent", options.LogFormat, options.LogLevel);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        foreach (var apply in overrides)
            apply(builder.Services);
        builder.Services.AddSensuAgent(options);
        return builder.Build();
    }
}
