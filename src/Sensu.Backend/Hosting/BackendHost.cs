using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Agentd;
using Sensu.Backend.Apid;
using Sensu.Backend.Dashboard;
using Sensu.Core.Configuration;
using Sensu.Core.Logging;

namespace Sensu.Backend.Hosting;

/// <summary>Builds and runs the backend's web host: composition only, each concern adds itself.</summary>
public static class BackendHost
{
    /// <summary>
    /// Runs the backend until <paramref name="cancellationToken"/> is cancelled; expected start-up failures (a setting,
    /// a port in use, the store) propagate to <see cref="StartupFailure"/>, the one place that reports them.
    /// </summary>
    public static async Task<int> RunAsync(BackendOptions options, CancellationToken cancellationToken)
    {
        var app = Build(options, []);
        await using (app)
        {
            await app.Services.GetRequiredService<ClusterInitializer>().OnStartAsync(cancellationToken);
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch
            {
                // The daemons started before the listener failed (a port in use) are stopped as in a normal stop, so
                // that the host does not log their cancellation as a fault; the failure itself propagates, reported once.
                await StopQuietlyAsync(app);
                throw;
            }
            await app.WaitForShutdownAsync(cancellationToken);
        }
        return 0;
    }

    private static async Task StopQuietlyAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            // Stopping after a failed start is best effort: the start's own failure is the one reported.
        }
    }

    /// <summary>Builds the application; tests call this with their own options and extra services.</summary>
    public static WebApplication Build(BackendOptions options, IReadOnlyList<Action<IServiceCollection>> overrides)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apid = BackendOptionsBinding.Apid(options);
        var agentd = BackendOptionsBinding.Agentd(options);
        CreatePrivateDirectory(BackendOptionsBinding.Store(options).StateDir);
        var api = ListenAddress.Parse(apid.ListenAddress, "api-listen-address");
        var agentHost = ParseAgentHost(agentd.Host);
        var agentTls = new AgentTls(agentd);
        var agentListener = new AgentListener();
        var dashboard = BackendOptionsBinding.Dashboard(options);
        var dashboardAddress = ListenAddress.FromHost(dashboard.Host, dashboard.Port, "dashboard-host");
        var dashboardListener = new DashboardListener();
        ListenOptions? apiListen = null;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(BackendHost).Assembly.GetName().Name,
        });
        // The dashboard's framework script: from the build's static web assets manifest when there is one (a published
        // backend has the files in wwwroot instead).
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.AddSensuConsole("backend", options.LogFormat, options.LogLevel);

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = apid.RequestLimit;
            void Configure(ListenOptions listen)
            {
                if (!string.IsNullOrEmpty(apid.CertFile) && !string.IsNullOrEmpty(apid.KeyFile))
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(apid.CertFile, apid.KeyFile));
                listen.UseSensuErrorBodies();
                apiListen = listen;
            }
            if (api.IsAny)
                kestrel.ListenAnyIP(api.Port, Configure);
            else
                kestrel.Listen(api.Address!, api.Port, Configure);

            void ConfigureAgent(ListenOptions listen)
            {
                if (agentTls.Enabled)
                    listen.UseHttps(agentTls.HttpsOptions());
                agentListener.Attach(listen, agentTls.Enabled);
            }
            if (agentHost is null)
                kestrel.ListenAnyIP(agentd.Port, ConfigureAgent);
            else
                kestrel.Listen(agentHost, agentd.Port, ConfigureAgent);

            void ConfigureDashboard(ListenOptions listen)
            {
                if (dashboard.Tls)
                    listen.UseHttps(X509Certificate2.CreateFromPemFile(dashboard.CertFile!, dashboard.KeyFile));
                dashboardListener.Attach(listen, dashboard.Tls);
            }
            if (dashboardAddress.IsAny)
                kestrel.ListenAnyIP(dashboard.Port, ConfigureDashboard);
            else
                kestrel.Listen(dashboardAddress.Address!, dashboard.Port, ConfigureDashboard);
        });

        builder.Services.AddSingleton(agentTls);
        builder.Services.AddSingleton(agentListener);
        builder.Services.AddSingleton(dashboardListener);
        builder.Services.AddSensuBackend(options);
        foreach (var apply in overrides)
            apply(builder.Services);

        var app = builder.Build();
        CacheDirectoryPermissions.Secure(options.CacheDir, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Sensu.Backend.Hosting"));
        app.UseAgentd();
        app.MapDashboard(dashboardListener);
        app.UseSensuBackend();
        app.Lifetime.ApplicationStarted.Register(() => LogApiListener(app.Services, apiListen, apid));
        app.Lifetime.ApplicationStarted.Register(() => LogAgentListener(app.Services, agentd));
        app.Lifetime.ApplicationStarted.Register(() => LogDashboardListener(app.Services, dashboardListener));
        return app;
    }

    /// <summary>The state directory holds keys and hashes: created 0700 whatever the umask (the store narrows an existing one).</summary>
    private static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else if (!Directory.Exists(path))
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The agent host flag: <c>[::]</c>, <c>0.0.0.0</c> or empty mean every interface (null).</summary>
    private static IPAddress? ParseAgentHost(string host)
    {
        var trimmed = host.Trim().Trim('[', ']');
        if (trimmed.Length == 0 || trimmed is "::" or "0.0.0.0" or "*")
            return null;
        if (trimmed == "localhost")
            return IPAddress.Loopback;
        return IPAddress.TryParse(trimmed, out var address)
            ? address
            : throw new SettingsException($"agent-host \"{host}\" is not an IP address");
    }

    /// <summary>A listener as bound, <c>scheme://address:port</c>: <c>[::]</c> or <c>0.0.0.0</c> when every interface.</summary>
    private static string Bound(string scheme, IPEndPoint endpoint) =>
        scheme + "://" + (endpoint.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + endpoint.Address + "]" : endpoint.Address.ToString())
        + ":" + endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void LogApiListener(IServiceProvider services, ListenOptions? listen, ApidOptions apid)
    {
        if (listen?.IPEndPoint is { Port: > 0 } endpoint)
            Apid.Log.ListenerStarted(services.GetRequiredService<ILoggerFactory>().CreateLogger("Sensu.Backend.Apid"),
                Bound(!string.IsNullOrEmpty(apid.CertFile) && !string.IsNullOrEmpty(apid.KeyFile) ? "https" : "http", endpoint));
    }

    private static void LogDashboardListener(IServiceProvider services, DashboardListener listener)
    {
        if (listener.BoundEndpoint is { } endpoint)
            Sensu.Backend.Dashboard.Log.ListenerStarted(services.GetRequiredService<ILoggerFactory>().CreateLogger("Sensu.Backend.Dashboard"), Bound(listener.Tls ? "https" : "http", endpoint));
    }

    private static void LogAgentListener(IServiceProvider services, AgentdOptions agentd)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Sensu.Backend.Agentd");
        var listener = services.GetRequiredService<AgentListener>();
        if (listener.BoundEndpoint is { } endpoint)
            Agentd.Log.ListenerStarted(logger, Bound(listener.Tls ? "wss" : "ws", endpoint));
        if (!string.IsNullOrWhiteSpace(agentd.AuthCrlUrls))
            Agentd.Log.CrlUnsupported(logger);
    }
}
