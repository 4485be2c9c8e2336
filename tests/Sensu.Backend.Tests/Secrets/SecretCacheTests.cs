using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Secrets;

namespace Sensu.Backend.Tests.Secrets;

public sealed class SecretCacheTests : IDisposable
{
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _metrics.Dispose();

    private SecretCache NewCache(TimeSpan defaultTtl) =>
        new(_time, Options.Create(new SecretsOptions { DefaultTtl = defaultTtl }), new SecretsMetrics(_metrics.GetRequiredService<IMeterFactory>()));

    [Fact]
    public async Task Lease_decides_how_long_a_value_lives()
    {
        using var cache = NewCache(TimeSpan.FromMinutes(10));
        var vault = new ScriptedSecretProvider("vault", lease: TimeSpan.FromSeconds(30)) { Values = { ["a#b"] = "v1-value" } };

        var (first, firstCached) = await cache.GetAsync(vault, "a#b", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        var (_, secondCached) = await cache.GetAsync(vault, "a#b", CancellationToken.None);
        Assert.Equal("v1-value", first.Value.Reveal());
        Assert.False(firstCached);
        Assert.True(secondCached);
        Assert.Equal(1, vault.Calls);

        _time.Advance(TimeSpan.FromSeconds(1));
        vault.Values["a#b"] = "rotated";
        var (third, thirdCached) = await cache.GetAsync(vault, "a#b", CancellationToken.None);
        Assert.False(thirdCached);
        Assert.Equal("rotated", third.Value.Reveal());
        Assert.Equal(2, vault.Calls);
    }

    [Fact]
    public async Task Default_ttl_applies_without_a_lease_and_zero_lease_is_not_cached()
    {
        using var cache = NewCache(TimeSpan.FromMinutes(1));
        var kv2 = new ScriptedSecretProvider("kv2", lease: null) { Values = { ["k"] = "value" } };
        var env = new ScriptedSecretProvider("env", lease: TimeSpan.Zero) { Values = { ["k"] = "value" } };

        await cache.GetAsync(kv2, "k", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));
        await cache.GetAsync(kv2, "k", CancellationToken.None);
        Assert.Equal(1, kv2.Calls);
        _time.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync(kv2, "k", CancellationToken.None);
        Assert.Equal(2, kv2.Calls);

        await cache.GetAsync(env, "k", CancellationToken.None);
        await cache.GetAsync(env, "k", CancellationToken.None);
        Assert.Equal(2, env.Calls);
    }

    [Fact]
    public async Task Zero_default_ttl_disables_caching_without_a_lease()
    {
        using var cache = NewCache(TimeSpan.Zero);
        var kv2 = new ScriptedSecretProvider("kv2") { Values = { ["k"] = "value" } };
        await cache.GetAsync(kv2, "k", CancellationToken.None);
        await cache.GetAsync(kv2, "k", CancellationToken.None);
        Assert.Equal(2, kv2.Calls);
    }

    [Fact]
    public async Task Invalidation_by_provider_and_by_id_and_by_a_new_provider_instance()
    {
        using var cache = NewCache(TimeSpan.FromHours(1));
        var vault = new ScriptedSecretProvider("vault") { Values = { ["a"] = "aaaa", ["b"] = "bbbb" } };
        await cache.GetAsync(vault, "a", CancellationToken.None);
        await cache.GetAsync(vault, "b", CancellationToken.None);

        cache.Invalidate("vault", "a");
        await cache.GetAsync(vault, "a", CancellationToken.None);
        await cache.GetAsync(vault, "b", CancellationToken.None);
        Assert.Equal(3, vault.Calls);

        cache.Invalidate("vault");
        await cache.GetAsync(vault, "a", CancellationToken.None);
        await cache.GetAsync(vault, "b", CancellationToken.None);
        Assert.Equal(5, vault.Calls);

        // A rebuilt provider of the same name never answers from its predecessor's entries.
        var rebuilt = new ScriptedSecretProvider("vault") { Values = { ["a"] = "new-a" } };
        var (lookup, cached) = await cache.GetAsync(rebuilt, "a", CancellationToken.None);
        Assert.False(cached);
        Assert.Equal("new-a", lookup.Value.Reveal());
    }

    [Fact]
    public async Task Concurrent_lookups_share_one_provider_call()
    {
        using var cache = NewCache(TimeSpan.Zero);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var vault = new ScriptedSecretProvider("vault") { Values = { ["k"] = "shared" }, Gate = gate };

        var lookups = Enumerable.Range(0, 20).Select(_ => cache.GetAsync(vault, "k", CancellationToken.None)).ToList();
        await SecretsHarness.EventuallyAsync(() => vault.Calls > 0);
        gate.SetResult();
        var results = await Task.WhenAll(lookups);

        Assert.Equal(1, vault.Calls);
        Assert.All(results, r => Assert.Equal("shared", r.Lookup.Value.Reveal()));
        Assert.Single(results, r => !r.FromCache);
    }

    [Fact]
    public async Task A_caller_that_gives_up_does_not_cancel_the_shared_call_and_failures_are_not_cached()
    {
        using var cache = NewCache(TimeSpan.FromHours(1));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var vault = new ScriptedSecretProvider("vault") { Gate = gate };
        using var impatient = new CancellationTokenSource();

        var first = cache.GetAsync(vault, "missing", impatient.Token);
        var second = cache.GetAsync(vault, "missing", CancellationToken.None);
        impatient.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        gate.SetResult();
        await Assert.ThrowsAsync<SecretLookupException>(() => second);
        Assert.Equal(1, vault.Calls);

        vault.Gate = null;
        vault.Values["missing"] = "found-now";
        var (lookup, _) = await cache.GetAsync(vault, "missing", CancellationToken.None);
        Assert.Equal("found-now", lookup.Value.Reveal());
        Assert.Equal(2, vault.Calls);
    }
}
