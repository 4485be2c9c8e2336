using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sensu.Cli.Tests.Support;

/// <summary>
/// A Bonsai-compatible hub on 127.0.0.1 (port 0) serving the two endpoints sensuctl uses, for one asset
/// (<c>sensu/sensu-pagerduty-handler</c>, versions 1.1.0, 1.2.0, 2.0.0). Requests are recorded.
/// </summary>
public sealed class FakeBonsaiHub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeBonsaiHub(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public List<string> Requests { get; } = [];

    public static async Task<FakeBonsaiHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeBonsaiHub? hub = null;
        app.Use(async (context, next) =>
        {
            hub?.Requests.Add(context.Request.Path);
            await next(context);
        });
        app.MapGet("/api/v1/assets/sensu/sensu-pagerduty-handler", () => Results.Text("""
            {"name":"sensu/sensu-pagerduty-handler","description":"PagerDuty handler","url":"x","github_url":"x","download_url":"x",
             "versions":[{"version":"1.1.0"},{"version":"1.2.0"},{"version":"2.0.0"}]}
            """, "application/json"));
        app.MapGet("/api/v1/assets/sensu/sensu-pagerduty-handler/{version}/release_asset_builds", (string version) => Results.Text($"""
            ---
            type: Asset
            api_version: core/v2
            metadata:
              name: sensu-pagerduty-handler
              annotations:
                io.sensu.bonsai.url: https://hub.example/assets/sensu/sensu-pagerduty-handler
                io.sensu.bonsai.tier: Supported
                io.sensu.bonsai.version: {version}
                io.sensu.bonsai.namespace: sensu
                io.sensu.bonsai.name: sensu-pagerduty-handler
            spec:
              builds:
              - url: https://assets.example/sensu-pagerduty-handler_{version}_linux_amd64.tar.gz
                sha512: {Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(System.Text.Encoding.UTF8.GetBytes(version)))}
                filters:
                - entity.system.os == 'linux'
                - entity.system.arch == 'amd64'
            """, "application/x-yaml"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        hub = new FakeBonsaiHub(app, new Uri(address));
        return hub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
