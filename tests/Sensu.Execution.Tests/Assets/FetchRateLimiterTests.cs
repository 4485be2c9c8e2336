using Microsoft.Extensions.Time.Testing;
using Sensu.Execution.Assets;

namespace Sensu.Execution.Tests.Assets;

public sealed class FetchRateLimiterTests
{
    [Fact]
    public async Task The_burst_passes_then_downloads_are_paced_not_dropped()
    {
        var time = new FakeTimeProvider();
        var limiter = new FetchRateLimiter(ratePerSecond: 2, burst: 2, time);

        await limiter.WaitAsync(CancellationToken.None);
        await limiter.WaitAsync(CancellationToken.None);
        var third = limiter.WaitAsync(CancellationToken.None);
        var fourth = limiter.WaitAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await third;
        Assert.False(fourth.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await fourth;
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_token_back()
    {
        var time = new FakeTimeProvider();
        var limiter = new FetchRateLimiter(ratePerSecond: 1, burst: 1, time);
        await limiter.WaitAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = limiter.WaitAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        time.Advance(TimeSpan.FromSeconds(1));
        var next = limiter.WaitAsync(CancellationToken.None);
        Assert.True(next.IsCompleted);
    }

    [Fact]
    public async Task Installs_wait_for_the_limiter()
    {
        await using var server = await AssetServer.StartAsync();
        var dir = Directory.CreateTempSubdirectory("sensu-assets-").FullName;
        try
        {
            var time = new FakeTimeProvider();
            using var installer = new RuntimeAssetInstaller(
                new RuntimeAssetOptions { CacheDirectory = dir, RateLimit = 1, BurstLimit = 1 }, new Sensu.Execution.JavaScript.JintJavaScriptEngine(), null, time);
            var a = TestArchives.HelloAsset("a");
            var b = TestArchives.HelloAsset("b");
            Sensu.Core.Resources.Core.Asset Make(string name, byte[] bytes) => new()
            {
                Metadata = new Sensu.Core.Meta.ObjectMeta { Name = name, Namespace = "default" },
                Url = server.Serve("/" + name, bytes), Sha512 = TestArchives.Sha512(bytes),
            };
            await installer.InstallAsync(Make("a", a), null, CancellationToken.None);
            var second = installer.InstallAsync(Make("b", b), null, CancellationToken.None);
            await Task.Delay(200);
            Assert.False(second.IsCompleted);
            Assert.Equal(0, server.Hits("/b"));
            time.Advance(TimeSpan.FromSeconds(1));
            await second.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(1, server.Hits("/b"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
