using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Execution.Assets;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Tests.Assets;

public sealed class RuntimeAssetInstallerTests : IAsyncLifetime
{
    private static readonly JintJavaScriptEngine JavaScript = new();
    private readonly string _root = Directory.CreateTempSubdirectory("sensu-assets-").FullName;
    private AssetServer _server = null!;

    private string CacheDirectory => Path.Combine(_root, "cache");

    public async Task InitializeAsync() => _server = await AssetServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private RuntimeAssetInstaller Installer(double rateLimit = 0) =>
        new(new RuntimeAssetOptions { CacheDirectory = CacheDirectory, RateLimit = rateLimit }, JavaScript);

    private static Asset Asset(string name, string url, string sha512, Dictionary<string, string>? headers = null) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = "default" }, Url = url, Sha512 = sha512, Headers = headers ?? [] };

    private static JsonNode Entity(string os) => new JsonObject { ["name"] = "web-1", ["system"] = new JsonObject { ["os"] = os, ["arch"] = "amd64" } };

    [Fact]
    public async Task Downloads_verifies_unpacks_and_contributes_the_environment()
    {
        var archive = TestArchives.HelloAsset();
        var sha = TestArchives.Sha512(archive);
        var url = _server.Serve("/hello.tar.gz", archive);
        using var installer = Installer();

        var installed = await installer.InstallAsync(Asset("sensu/hello-asset", url, sha.ToUpperInvariant()), Entity("linux"), CancellationToken.None);

        Assert.NotNull(installed);
        Assert.Equal(Path.Combine(CacheDirectory, sha), installed.Path);
        Assert.Equal(sha, installed.Sha512);
        var hello = Path.Combine(installed.Path, "bin", "hello");
        Assert.True(File.Exists(hello));
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(hello).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal("#define HELLO 1\n", await File.ReadAllTextAsync(Path.Combine(installed.Path, "include", "hello.h")));

        var env = EnvironmentComposer.ToDictionary(RuntimeAssetEnvironment.Compose(["PATH=/usr/bin:/bin", "HOME=/root"], [installed]));
        Assert.Equal($"{installed.Path}/bin:/usr/bin:/bin", env["PATH"]);
        Assert.Equal($"{installed.Path}/lib", env["LD_LIBRARY_PATH"]);
        Assert.Equal($"{installed.Path}/include", env["CPATH"]);
        Assert.Equal(installed.Path, env["SENSU_HELLO_ASSET_PATH"]);
        Assert.Equal("/root", env["HOME"]);

        using var runner = new ProcessRunner(new ProcessRunnerOptions(), TimeProvider.System);
        var result = await runner.RunAsync(
            new ProcessRequest { Command = "hello", BaseEnvironment = RuntimeAssetEnvironment.Compose(EnvironmentComposer.Current(), [installed]) }, CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("hello\n", result.Output);
    }

    [Fact]
    public async Task A_plain_tar_is_accepted()
    {
        var archive = TestArchives.Tar(TestArchives.File("README", "plain tar"));
        var url = _server.Serve("/plain.tar", archive);
        using var installer = Installer();
        var installed = await installer.InstallAsync(Asset("plain", url, TestArchives.Sha512(archive)), null, CancellationToken.None);
        Assert.Equal("plain tar", await File.ReadAllTextAsync(Path.Combine(installed!.Path, "README")));
    }

    [Fact]
    public async Task A_wrong_sha512_is_refused_and_nothing_is_installed()
    {
        var url = _server.Serve("/hello.tar.gz", TestArchives.HelloAsset());
        var wrong = new string('a', 128);
        using var installer = Installer();
        var error = await Assert.ThrowsAsync<AssetInstallException>(() => installer.InstallAsync(Asset("hello", url, wrong), null, CancellationToken.None));
        Assert.Contains("\"hello\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match specified sha512 (" + wrong + ")", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(CacheDirectory, wrong)));
        Assert.DoesNotContain(Directory.GetFileSystemEntries(CacheDirectory), p => !p.EndsWith(".locks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_200_answer_is_an_error()
    {
        var url = _server.Serve("/missing.tar.gz", [], status: 403);
        using var installer = Installer();
        var error = await Assert.ThrowsAsync<AssetInstallException>(() => installer.InstallAsync(Asset("gone", url, new string('b', 128)), null, CancellationToken.None));
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_that_is_not_a_tar_or_tar_gz_is_refused()
    {
        var zip = "PK\u0003\u0004 not really a zip"u8.ToArray();
        var url = _server.Serve("/asset.zip", zip);
        using var installer = Installer();
        var error = await Assert.ThrowsAsync<AssetInstallException>(() => installer.InstallAsync(Asset("zipped", url, TestArchives.Sha512(zip)), null, CancellationToken.None));
        Assert.Contains("given file of format 'application/zip' does not appear valid", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileArchives => new() { "dotdot", "absolute", "symlink-out", "symlink-absolute", "through-symlink" };

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task Archives_cannot_write_outside_their_directory(string kind)
    {
        var outside = Path.Combine(_root, "outside");
        Directory.CreateDirectory(outside);
        var archive = TestArchives.Gzip(kind switch
        {
            "dotdot" => TestArchives.Tar(TestArchives.File("bin/ok", "ok"), TestArchives.File("../../outside/pwned", "x")),
            "absolute" => TestArchives.Tar(TestArchives.File(Path.Combine(outside, "pwned"), "x")),
            "symlink-out" => TestArchives.Tar(TestArchives.Symlink("bin/escape", "../../../outside")),
            "symlink-absolute" => TestArchives.Tar(TestArchives.Symlink("escape", outside)),
            _ => TestArchives.Tar(TestArchives.Directory("a/"), TestArchives.Directory("a/b/"), TestArchives.Symlink("a/b/s", "../.."),
                TestArchives.Symlink("a/b/s/up", ".."), TestArchives.File("a/b/s/up/pwned", "x")),
        });
        var sha = TestArchives.Sha512(archive);
        var url = _server.Serve($"/{kind}.tar.gz", archive);
        using var installer = Installer();

        var error = await Assert.ThrowsAsync<AssetInstallException>(() => installer.InstallAsync(Asset("evil", url, sha), null, CancellationToken.None));

        Assert.Contains("outside the asset directory", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
        Assert.False(File.Exists(Path.Combine(_root, "pwned")));
        Assert.False(Directory.Exists(Path.Combine(CacheDirectory, sha)));
    }

    [Fact]
    public async Task Builds_are_chosen_by_the_entity()
    {
        var linux = TestArchives.HelloAsset("linux");
        var darwin = TestArchives.HelloAsset("darwin");
        var asset = new Asset
        {
            Metadata = new ObjectMeta { Name = "multi", Namespace = "default" },
            Builds =
            [
                new AssetBuild { Url = _server.Serve("/darwin.tar.gz", darwin), Sha512 = TestArchives.Sha512(darwin), Filters = ["entity.system.os == 'darwin'"] },
                new AssetBuild { Url = _server.Serve("/linux.tar.gz", linux), Sha512 = TestArchives.Sha512(linux), Filters = ["entity.system.os == 'linux'", "entity.system.arch == 'amd64'"] },
            ],
        };
        using var installer = Installer();

        var installed = await installer.InstallAsync(asset, Entity("linux"), CancellationToken.None);
        Assert.Equal(TestArchives.Sha512(linux), installed!.Sha512);
        Assert.Equal(1, _server.Hits("/linux.tar.gz"));
        Assert.Equal(0, _server.Hits("/darwin.tar.gz"));

        Assert.Null(await installer.InstallAsync(asset, Entity("windows"), CancellationToken.None));

        var filtered = Asset("own-filters", _server.Serve("/own.tar.gz", linux), TestArchives.Sha512(linux));
        filtered.Filters = ["entity.system.os == 'windows'"];
        Assert.Null(await installer.InstallAsync(filtered, Entity("linux"), CancellationToken.None));

        filtered.Filters = ["entity.system.nope.x == 1"];
        var error = await Assert.ThrowsAsync<AssetInstallException>(() => installer.InstallAsync(filtered, Entity("linux"), CancellationToken.None));
        Assert.Contains("\"own-filters\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("TypeError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_installs_of_one_asset_download_it_once()
    {
        var archive = TestArchives.HelloAsset();
        var asset = Asset("hello", _server.Serve("/hello.tar.gz", archive), TestArchives.Sha512(archive));
        using var first = Installer();
        using var second = Installer();
        _server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var installs = Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? first : second).InstallAsync(asset, null, CancellationToken.None)).ToList();
        await Task.Delay(300);
        _server.Gate.SetResult();
        var installed = await Task.WhenAll(installs);

        Assert.Equal(1, _server.Hits("/hello.tar.gz"));
        Assert.All(installed, a => Assert.Equal(installed[0]!.Path, a!.Path));
        Assert.True(File.Exists(Path.Combine(installed[0]!.Path, "bin", "hello")));
    }

    [Fact]
    public async Task An_installed_asset_is_reused_after_a_restart_without_downloading()
    {
        var archive = TestArchives.HelloAsset();
        var asset = Asset("hello", _server.Serve("/hello.tar.gz", archive), TestArchives.Sha512(archive));
        using (var before = Installer())
            await before.InstallAsync(asset, null, CancellationToken.None);
        Assert.Equal(1, _server.TotalHits);

        await _server.DisposeAsync();
        using var after = Installer();
        var installed = await after.InstallAsync(asset, null, CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(installed!.Path, "bin", "hello")));
        _server = await AssetServer.StartAsync();
    }

    [Fact]
    public async Task A_directory_without_its_marker_is_installed_again()
    {
        var archive = TestArchives.HelloAsset();
        var sha = TestArchives.Sha512(archive);
        Directory.CreateDirectory(Path.Combine(CacheDirectory, sha, "half-written"));
        using var installer = Installer();
        var installed = await installer.InstallAsync(Asset("hello", _server.Serve("/hello.tar.gz", archive), sha), null, CancellationToken.None);
        Assert.False(Directory.Exists(Path.Combine(installed!.Path, "half-written")));
        Assert.True(File.Exists(Path.Combine(installed.Path, "bin", "hello")));
    }

    [Fact]
    public async Task Headers_are_sent_with_the_download()
    {
        var archive = TestArchives.HelloAsset();
        var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer s3cr3t", ["X-Forwarded-For"] = "client1,  proxy1" };
        using var installer = Installer();
        await installer.InstallAsync(Asset("hello", _server.Serve("/hello.tar.gz", archive), TestArchives.Sha512(archive), headers), null, CancellationToken.None);

        Assert.True(_server.RequestHeaders.TryDequeue(out var received));
        Assert.Equal("Bearer s3cr3t", received["Authorization"].ToString());
        Assert.Equal(["client1", "proxy1"], received["X-Forwarded-For"].ToString().Split(',', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("sensu/sensu-slack-handler", "SENSU_SENSU_SLACK_HANDLER_PATH")]
    [InlineData("my--asset..v1", "MY_ASSET_V1_PATH")]
    [InlineData("plain", "PLAIN_PATH")]
    public void Asset_path_variables_are_named_like_sensu(string name, string expected) =>
        Assert.Equal(expected, RuntimeAssetEnvironment.PathVariable(name));

    [Fact]
    public void Several_assets_are_prepended_in_order()
    {
        var env = EnvironmentComposer.ToDictionary(RuntimeAssetEnvironment.Compose(["PATH=/bin", "LD_LIBRARY_PATH=/usr/lib"],
            [new InstalledAsset("a", "1", "/c/1"), new InstalledAsset("b", "2", "/c/2")]));
        Assert.Equal("/c/1/bin:/c/2/bin:/bin", env["PATH"]);
        Assert.Equal("/c/1/lib:/c/2/lib:/usr/lib", env["LD_LIBRARY_PATH"]);
        Assert.Equal("/c/1/include:/c/2/include", env["CPATH"]);
        Assert.Equal("/c/2", env["B_PATH"]);
    }
}
