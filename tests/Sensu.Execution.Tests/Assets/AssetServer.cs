using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Sensu.Execution.Tests.Assets;

/// <summary>A small HTTP server on 127.0.0.1 serving asset archives; counts requests and records their headers.</summary>
public sealed class AssetServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (int Status, byte[] Body)> _files = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();

    private AssetServer(WebApplication app) => _app = app;

    public ConcurrentQueue<IHeaderDictionary> RequestHeaders { get; } = new();

    /// <summary>When set, every response waits for it (lets tests overlap concurrent installs).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public string BaseUrl { get; private set; } = "";

    public static async Task<AssetServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new AssetServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.First();
        return server;
    }

    public string Serve(string path, byte[] body, int status = 200)
    {
        _files[path] = (status, body);
        return BaseUrl + path;
    }

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    public int TotalHits => _hits.Values.Sum();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        _hits.AddOrUpdate(path, 1, static (_, n) => n + 1);
        RequestHeaders.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
        if (Gate is { } gate)
            await gate.Task.WaitAsync(context.RequestAborted);
        if (!_files.TryGetValue(path, out var file))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.StatusCode = file.Status;
        await context.Response.Body.WriteAsync(file.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
