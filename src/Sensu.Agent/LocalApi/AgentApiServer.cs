using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Configuration;
using Sensu.Agent.Connection;
using Sensu.Agent.Entity;

namespace Sensu.Agent.LocalApi;

/// <summary>Hosts the agent HTTP API on <c>api-host:api-port</c> (port 0 picks a free port; see <see cref="Port"/>).</summary>
internal sealed class AgentApiServer(
    AgentOptions options,
    AgentEventFactory events,
    EventQueue queue,
    ConnectionState state,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly EventsApiLimiter _limiter = new(options);
    private WebApplication? _app;

    /// <summary>The bound port once started.</summary>
    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 512 * 1024;
            var address = options.ApiHost is "localhost" ? IPAddress.Loopback
                : IPAddress.TryParse(options.ApiHost.Trim('[', ']'), out var ip) ? ip
                : IPAddress.Loopback;
            kestrel.Listen(address, options.ApiPort);
        });
        var app = builder.Build();
        var logger = loggerFactory.CreateLogger<AgentApiServer>();
        app.MapAgentApi(events, queue, state, _limiter, logger);
        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Urls.FirstOrDefault();
        if (bound is not null && Uri.TryCreate(bound, UriKind.Absolute, out var uri))
            Port = uri.Port;
        Log.Listening(logger, bound ?? options.ApiHost);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
            await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _limiter.Dispose();
    }
}
