using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Execution.Assets;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Tests.Assets;

/// <summary>
/// The asset cache is private: directories 0700, files without group or other bits (executables keep owner
/// execute), although the archive says 0755/0644 and the test process runs with the usual umask 022. Unix only.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AssetCachePermissionsTests : IAsyncLifetime
{
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

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

    [Fact]
    public async Task An_installed_asset_and_everything_around_it_is_owner_only()
    {
        var archive = TestArchives.HelloAsset();
        var url = _server.Serve("/hello.tar.gz", archive);
        using var installer = new RuntimeAssetInstaller(new RuntimeAssetOptions { CacheDirectory = CacheDirectory, RateLimit = 0 }, JavaScript);

        var installed = await installer.InstallAsync(
            new Asset { Metadata = new ObjectMeta { Name = "hello", Namespace = "default" }, Url = url, Sha512 = TestArchives.Sha512(archive) },
            null, CancellationToken.None);

        Assert.NotNull(installed);
        var entries = new DirectoryInfo(CacheDirectory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Prepend(new DirectoryInfo(CacheDirectory)).ToList();
        Assert.Contains(entries, e => e.Name == installed.Sha512 + ".installed");
        Assert.Contains(entries, e => e.Name.EndsWith(".lock", StringComparison.Ordinal));
        foreach (var entry in entries.Where(e => e.LinkTarget is null))
        {
            Assert.True((entry.UnixFileMode & GroupAndOthers) == 0, $"{entry.FullName} is {entry.UnixFileMode}");
            if (entry is DirectoryInfo)
                Assert.Equal(AssetCachePermissions.DirectoryMode, entry.UnixFileMode);
        }
        var hello = Path.Combine(installed.Path, "bin", "hello");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(hello));
        Assert.Equal(AssetCachePermissions.FileMode, File.GetUnixFileMode(Path.Combine(installed.Path, "include", "hello.h")));
    }

    [Fact]
    public void An_existing_open_cache_is_narrowed_and_each_change_reported()
    {
        var asset = Path.Combine(CacheDirectory, "abc", "bin");
        Directory.CreateDirectory(asset);
        File.SetUnixFileMode(CacheDirectory, (UnixFileMode)0b111_101_101);
        var tool = Path.Combine(asset, "tool");
        File.WriteAllText(tool, "#!/bin/sh\n");
        File.SetUnixFileMode(tool, (UnixFileMode)0b111_101_101);
        var note = Path.Combine(CacheDirectory, "abc.installed");
        File.WriteAllText(note, "x");
        File.SetUnixFileMode(note, (UnixFileMode)0b110_100_100);

        var changed = AssetCachePermissions.Secure(CacheDirectory);

        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(CacheDirectory));
        Assert.Equal((UnixFileMode)0b111_000_000, File.GetUnixFileMode(tool));
        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(note));
        Assert.Contains(changed, c => c.Path == Path.GetFullPath(CacheDirectory) && c.Was == (UnixFileMode)0b111_101_101);
        Assert.Contains(changed, c => c.Path == tool);
        Assert.Contains(changed, c => c.Path == note && c.Now == (UnixFileMode)0b110_000_000);
        Assert.Empty(AssetCachePermissions.Secure(CacheDirectory));
    }

    [Fact]
    public void A_missing_cache_is_not_created_by_the_check() =>
        Assert.Empty(AssetCachePermissions.Secure(Path.Combine(_root, "absent")));
}
