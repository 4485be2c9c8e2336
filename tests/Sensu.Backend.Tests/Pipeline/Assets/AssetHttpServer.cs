using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Tests.Pipeline.Assets;

/// <summary>A real HTTP server on 127.0.0.1:0 serving asset archives and counting downloads per path.</summary>
internal sealed class AssetHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);

    private AssetHttpServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<AssetHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new AssetHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/>; returns its URL.</summary>
    public string Serve(string path, byte[] body)
    {
        _files[path] = body;
        return BaseUrl + path;
    }

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        _hits.AddOrUpdate(path, 1, static (_, n) => n + 1);
        if (!_files.TryGetValue(path, out var body))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
