using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Configuration;

namespace Sensu.Agent.Hosting;

/// <summary>Builds and runs the agent's host: composition only.</summary>
public static class AgentHost
{
    public static async Task<int> RunAsync(AgentOptions options, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = Build(options, []);
        }
        catch (AgentSettingsException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 2;
        }
        using (host)
        {
            try
            {
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
                return 1;
            }
        }
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
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(AgentLogLevels.FromSensu(options.LogLevel));
        builder.Logging.AddFilter("Microsoft", AgentLogLevels.Framework(options.LogLevel));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        foreach (var apply in overrides)
            apply(builder.Services);
        builder.Services.AddSensuAgent(options);
        return builder.Build();
    }
}
