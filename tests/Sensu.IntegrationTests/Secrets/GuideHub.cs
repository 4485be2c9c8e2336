using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Secrets;

/// <summary>
/// What the seed guide talks to besides Sensu, on 127.0.0.1 (port 0): a Bonsai-compatible hub serving
/// <c>sensu/sensu-pagerduty-handler</c> 1.2.0 as a tar.gz whose <c>bin/pagerduty-handler</c> is a shell script
/// recording its arguments and <c>$DEDUP_KEY</c>, and the part of Vault's KV v2 API the guide uses (<c>vault kv put</c>
/// and the read), checking <c>X-Vault-Token</c>. (This project does not reference Sensu.Testing, whose FakeVault
/// is the full double; this is the minimum for the guide.)
/// </summary>
internal sealed class GuideHub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _kv = new(StringComparer.Ordinal);

    private GuideHub(WebApplication app) => _app = app;

    public string Address { get; private set; } = "";

    public string RootToken { get; } = "hvs.guide-" + Guid.NewGuid().ToString("N");

    public List<string> Requests { get; } = [];

    public static async Task<GuideHub> StartAsync(string recordFile)
    {
        var tarball = Tarball(recordFile);
        var sha512 = Convert.ToHexStringLower(SHA512.HashData(tarball));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var hub = new GuideHub(app);
        app.Use(async (context, next) =>
        {
            lock (hub.Requests)
                hub.Requests.Add(context.Request.Method + " " + context.Request.Path);
            await next(context);
        });
        app.MapGet("/api/v1/assets/sensu/sensu-pagerduty-handler", () => Results.Text(
            """{"name":"sensu/sensu-pagerduty-handler","description":"PagerDuty handler","versions":[{"version":"1.1.0"},{"version":"1.2.0"}]}""",
            "application/json"));
        app.MapGet("/api/v1/assets/sensu/sensu-pagerduty-handler/{version}/release_asset_builds", (string version) => Results.Text($"""
            ---
            type: Asset
            api_version: core/v2
            metadata:
              name: sensu-pagerduty-handler
              annotations:
                io.sensu.bonsai.version: {version}
                io.sensu.bonsai.namespace: sensu
                io.sensu.bonsai.name: sensu-pagerduty-handler
            spec:
              builds:
              - url: {hub.Address}/download/sensu-pagerduty-handler_{version}_linux_amd64.tar.gz
                sha512: {sha512}
            """, "application/x-yaml"));
        app.MapGet("/download/{file}", () => Results.Bytes(tarball, "application/gzip"));
        app.MapPost("/v1/secret/data/{**path}", async (HttpContext context, string path) =>
        {
            if (context.Request.Headers["X-Vault-Token"] != hub.RootToken)
                return Results.Json(new JsonObject { ["errors"] = new JsonArray("permission denied") }, statusCode: 403);
            var body = await JsonNode.ParseAsync(context.Request.Body);
            hub._kv[path] = body?["data"]?.AsObject().DeepClone().AsObject() ?? [];
            return Results.Json(new JsonObject { ["data"] = new JsonObject { ["version"] = 1 } });
        });
        app.MapGet("/v1/secret/data/{**path}", (HttpContext context, string path) =>
        {
            if (context.Request.Headers["X-Vault-Token"] != hub.RootToken)
                return Results.Json(new JsonObject { ["errors"] = new JsonArray("permission denied") }, statusCode: 403);
            if (!hub._kv.TryGetValue(path, out var data))
                return Results.Json(new JsonObject { ["errors"] = new JsonArray() }, statusCode: 404);
            return Results.Json(new JsonObject
            {
                ["lease_duration"] = 0,
                ["data"] = new JsonObject { ["data"] = data.DeepClone(), ["metadata"] = new JsonObject { ["version"] = 1, ["deletion_time"] = "", ["destroyed"] = false } },
            });
        });
        await app.StartAsync();
        hub.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return hub;
    }

    /// <summary><c>bin/pagerduty-handler</c>: writes its arguments and <c>DEDUP_KEY</c> from its environment to <paramref name="recordFile"/>.</summary>
    private static byte[] Tarball(string recordFile)
    {
        var script = $"#!/bin/sh\necho \"argv: $*\" > '{recordFile}.tmp'\necho \"DEDUP_KEY=$DEDUP_KEY\" >> '{recordFile}.tmp'\nmv '{recordFile}.tmp' '{recordFile}'\n";
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: false))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = (UnixFileMode)0b111_101_101 });
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "bin/pagerduty-handler")
            {
                Mode = (UnixFileMode)0b111_101_101,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(script)),
            };
            tar.WriteEntry(entry);
        }
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
