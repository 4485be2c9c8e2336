using System.Collections.Concurrent;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sensu.Execution.Host;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Secrets;

/// <summary>
/// What the seed guide talks to besides Sensu, on 127.0.0.1 (port 0): a Bonsai-compatible hub serving
/// <c>sensu/sensu-pagerduty-handler</c> 1.2.0 with builds filtered by os and arch as Bonsai serves them (one for this
/// host's architecture, one for <see cref="ForeignArch"/>), each a tar.gz whose <c>bin/pagerduty-handler</c> is a
/// shell script recording its arguments and <c>$DEDUP_KEY</c> (the foreign build records <c>wrong build</c>), and the part of Vault's KV v2 API the guide uses (<c>vault kv put</c>
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

    /// <summary>The architecture of the machine running the tests, in Go's names (<c>amd64</c>, <c>arm64</c>...).</summary>
    public static string HostArch { get; } = SystemFacts.Architecture(RuntimeInformation.OSArchitecture);

    /// <summary>An architecture that is not this machine's: its build must never be chosen on this backend.</summary>
    public static string ForeignArch { get; } = HostArch == "arm64" ? "amd64" : "arm64";

    public static async Task<GuideHub> StartAsync(string recordFile)
    {
        var tarballs = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [HostArch] = Tarball(recordFile, "right build"),
            [ForeignArch] = Tarball(recordFile, "wrong build"),
        };
        var sha512 = tarballs.ToDictionary(t => t.Key, t => Convert.ToHexStringLower(SHA512.HashData(t.Value)), StringComparer.Ordinal);
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
              - url: {hub.Address}/download/sensu-pagerduty-handler_{version}_linux_{ForeignArch}.tar.gz
                sha512: {sha512[ForeignArch]}
                filters:
                - entity.system.os == 'linux'
                - entity.system.arch == '{ForeignArch}'
              - url: {hub.Address}/download/sensu-pagerduty-handler_{version}_linux_{HostArch}.tar.gz
                sha512: {sha512[HostArch]}
                filters:
                - entity.system.os == 'linux'
                - entity.system.arch == '{HostArch}'
            """, "application/x-yaml"));
        app.MapGet("/download/{file}", (string file) =>
            tarballs.FirstOrDefault(t => file.EndsWith($"_linux_{t.Key}.tar.gz", StringComparison.Ordinal)).Value is { } bytes
                ? Results.Bytes(bytes, "application/gzip")
                : Results.NotFound());
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

    /// <summary><c>bin/pagerduty-handler</c>: writes <paramref name="build"/>, its arguments and <c>DEDUP_KEY</c> from its environment to <paramref name="recordFile"/>.</summary>
    private static byte[] Tarball(string recordFile, string build)
    {
        var script = $"#!/bin/sh\necho \"{build}\" > '{recordFile}.tmp'\necho \"argv: $*\" >> '{recordFile}.tmp'\necho \"DEDUP_KEY=$DEDUP_KEY\" >> '{recordFile}.tmp'\nmv '{recordFile}.tmp' '{recordFile}'\n";
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
