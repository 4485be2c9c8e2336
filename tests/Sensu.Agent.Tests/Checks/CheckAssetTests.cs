using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using Sensu.Agent.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Execution.Assets;
using Sensu.Execution.JavaScript;

namespace Sensu.Agent.Tests.Checks;

/// <summary>Runtime assets through the real installer, served by a small HTTP server on 127.0.0.1.</summary>
public sealed class CheckAssetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-assets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<byte[]> BuildArchiveAsync()
    {
        var src = Path.Combine(_dir, "src", "bin");
        Directory.CreateDirectory(src);
        var script = Path.Combine(src, "hello-asset");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho hello from asset\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var archive = Path.Combine(_dir, "asset.tar.gz");
        using var tar = Process.Start("tar", ["-czf", archive, "-C", Path.Combine(_dir, "src"), "bin"])!;
        await tar.WaitForExitAsync();
        return await File.ReadAllBytesAsync(archive);
    }

    [Fact]
    public async Task Asset_bin_is_on_PATH_and_its_path_variable_is_set()
    {
        var bytes = await BuildArchiveAsync();
        var port = FreeTcpPort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                context.Response.StatusCode = 200;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        });
        using var engine = new JintJavaScriptEngine();
        using var installer = new RuntimeAssetInstaller(new RuntimeAssetOptions { CacheDirectory = Path.Combine(_dir, "cache") }, engine);
        using var parts = new AgentParts(assets: installer);
        var request = new CheckRequest
        {
            Config = new CheckConfig
            {
                Metadata = new ObjectMeta { Name = "asset-check", Namespace = "default" },
                Command = "hello-asset && echo $MY_TOOL_PATH && echo {{ assetPath \"my-tool\" }}",
                Interval = 10,
                RuntimeAssets = ["my-tool"],
            },
            Assets =
            [
                new Asset
                {
                    Metadata = new ObjectMeta { Name = "my-tool", Namespace = "default" },
                    Url = $"http://127.0.0.1:{port}/asset.tar.gz",
                    Sha512 = Convert.ToHexStringLower(SHA512.HashData(bytes)),
                },
            ],
            Issued = 1,
        };

        var ev = await parts.Executor.ExecuteAsync(request, CancellationToken.None);
        listener.Stop();
        await serving;

        Assert.Equal(0u, ev.Check!.Status);
        var lines = ev.Check.Output.Split('\n');
        Assert.Equal("hello from asset", lines[0]);
        Assert.StartsWith(Path.Combine(_dir, "cache"), lines[1], StringComparison.Ordinal);
        Assert.Equal("MY_TOOL_PATH", lines[2]);

        request.Issued = 2;
        request.Assets[0].Sha512 = new string('0', 128);
        request.Assets[0].Metadata.Name = "my-tool";
        var bad = await parts.Executor.ExecuteAsync(request, CancellationToken.None);
        Assert.Equal(3u, bad.Check!.Status);
    }

    private static int FreeTcpPort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
