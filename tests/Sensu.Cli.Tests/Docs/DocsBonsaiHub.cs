using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sensu.Cli.Tests.Docs;

/// <summary>
/// A Bonsai-compatible hub on 127.0.0.1 (port 0) that knows every asset the docs add: any <c>ns/name</c> lists the
/// versions the docs use, each version's definition has one linux build whose archive (served under
/// <c>/archives/</c>) holds <c>bin/entrypoint</c>, a script that reads its stdin and prints its arguments.
/// <c>portertech/*</c> and <c>*-command</c> assets are marked as sensuctl commands, as Bonsai marks them.
/// </summary>
public sealed class DocsBonsaiHub : IAsyncDisposable
{
    private static readonly string[] Versions = ["0.1.0", "0.1.1", "0.2.0", "0.2.2", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.8.1", "1.2.2", "1.5.0", "2.2.0", "3.7.0"];

    private readonly WebApplication _app;

    private DocsBonsaiHub(WebApplication app, Uri baseAddress, byte[] archive)
    {
        _app = app;
        BaseAddress = baseAddress;
        Archive = archive;
    }

    public Uri BaseAddress { get; }

    public byte[] Archive { get; }

    public string ArchiveSha512 => Convert.ToHexStringLower(SHA512.HashData(Archive));

    public static async Task<DocsBonsaiHub> StartAsync()
    {
        var archive = BuildArchive();
        var sha512 = Convert.ToHexStringLower(SHA512.HashData(archive));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        string? self = null;
        app.MapGet("/api/v1/assets/{ns}/{name}", (string ns, string name) => Results.Text(
            $$"""{"name":"{{ns}}/{{name}}","versions":[{{string.Join(",", Versions.Select(v => $$"""{"version":"{{v}}"}"""))}}]}""", "application/json"));
        app.MapGet("/api/v1/assets/{ns}/{name}/{version}/release_asset_builds", (string ns, string name, string version) =>
        {
            var command = ns == "portertech" || name.EndsWith("-command", StringComparison.Ordinal);
            var annotations = command ? "\n    io.sensu.bonsai.type: sensuctl\n    io.sensu.bonsai.provider: sensuctl/command" : "";
            return Results.Text($"""
                type: Asset
                api_version: core/v2
                metadata:
                  name: {name}
                  annotations:
                    io.sensu.bonsai.url: {self}assets/{ns}/{name}
                    io.sensu.bonsai.version: {version}
                    io.sensu.bonsai.namespace: {ns}
                    io.sensu.bonsai.name: {name}{annotations}
                spec:
                  builds:
                  - url: {self}archives/{name}_{version}_linux_amd64.tar.gz
                    sha512: {sha512}
                    filters:
                    - entity.system.os == 'linux'
                """, "application/x-yaml");
        });
        app.MapGet("/archives/{file}", (string file) => Results.Bytes(archive, "application/gzip"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = address.TrimEnd('/') + "/";
        return new DocsBonsaiHub(app, new Uri(self), archive);
    }

    private static byte[] BuildArchive()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            var script = Encoding.UTF8.GetBytes("#!/bin/sh\ncat > /dev/null\necho \"entrypoint $*\"\n");
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "bin/entrypoint")
            {
                DataStream = new MemoryStream(script),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute,
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
