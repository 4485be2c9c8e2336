using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Backend.Secrets.Vault;
using Sensu.Core.Resources.Secrets;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets.Vault;

/// <summary>Vault's retry rules, the timeout as a hard deadline, sealed and down Vaults, and the rate limiter.</summary>
public sealed class VaultResilienceTests : IAsyncLifetime
{
    private const string Canary = "canary-resilience-value-93bd";
    private const string Id = "secret/pagerduty#key";
    private FakeVault _vault = null!;

    public async Task InitializeAsync()
    {
        _vault = await FakeVault.StartAsync();
        _vault.WriteSecret("secret", "pagerduty", new Dictionary<string, object?> { ["key"] = Canary });
    }

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task Retries_transient_statuses_within_max_retries(int status)
    {
        _vault.Faults.FailNext(2, status);
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 2));

        Assert.Equal(Canary, (await provider.GetAsync(Id, CancellationToken.None)).Value.Reveal());

        Assert.Equal([status, status, 200], _vault.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Gives_up_on_5xx_after_max_retries_with_vaults_error_text()
    {
        _vault.Faults.FailNext(10, 500);
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 2));

        var ex = await VaultTestSetup.FailsAsync(provider, Id, Canary, _vault.RootToken);

        Assert.Contains("500", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("internal error", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, _vault.Requests.Count);
    }

    [Fact]
    public async Task Honours_retry_after_on_429()
    {
        _vault.Faults.FailNext(1, 429, retryAfter: TimeSpan.FromSeconds(1));
        var timing = new VaultRetryTiming(TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5));
        using var provider = VaultSecretProvider.Create(Resource(maxRetries: 1), TimeProvider.System, NullLogger.Instance, timing);
        var clock = Stopwatch.StartNew();

        Assert.Equal(Canary, (await provider.GetAsync(Id, CancellationToken.None)).Value.Reveal());

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
        Assert.Equal([429, 200], _vault.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task Max_retries_zero_makes_a_single_attempt()
    {
        _vault.Faults.FailNext(1, 429);
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 0));

        var ex = await VaultTestSetup.FailsAsync(provider, Id);

        Assert.Contains("429", ex.Message, StringComparison.Ordinal);
        Assert.Single(_vault.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task Does_not_retry_client_errors_nor_501(int status)
    {
        _vault.Faults.FailNext(1, status);
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 3));

        await VaultTestSetup.FailsAsync(provider, Id, Canary);

        Assert.Single(_vault.Requests);
    }

    [Fact]
    public async Task A_sealed_vault_says_so()
    {
        _vault.Faults.Sealed = true;
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 1));

        var ex = await VaultTestSetup.FailsAsync(provider, Id, Canary, _vault.RootToken);

        Assert.Contains("Vault is sealed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("503", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, _vault.Requests.Count);
    }

    [Fact]
    public async Task A_slow_vault_fails_with_a_timeout_within_the_timeout()
    {
        _vault.Faults.Delay = TimeSpan.FromSeconds(10);
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 2, timeout: TimeSpan.FromMilliseconds(500)));
        var clock = Stopwatch.StartNew();

        var ex = await VaultTestSetup.FailsAsync(provider, Id, Canary, _vault.RootToken);

        clock.Stop();
        Assert.Contains("provider not available", ex.Message, StringComparison.Ordinal);
        Assert.Contains("500ms timeout", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task The_timeout_bounds_the_retries_too()
    {
        _vault.Faults.FailNext(1000, 500, retryAfter: TimeSpan.FromSeconds(1));
        var resource = Resource(maxRetries: 50, timeout: TimeSpan.FromMilliseconds(600));
        using var provider = VaultTestSetup.Client(resource);
        var clock = Stopwatch.StartNew();

        var ex = await VaultTestSetup.FailsAsync(provider, Id);

        Assert.Contains("timeout", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(3));
        Assert.InRange(_vault.Requests.Count, 2, 20);
    }

    [Fact]
    public async Task A_vault_that_is_down_is_not_available_after_retries()
    {
        var address = _vault.Address;
        await _vault.StopAsync();
        using var provider = VaultTestSetup.Client(VaultTestSetup.Resource(address, _vault.RootToken, "v2", c => c.MaxRetries = 1));

        var ex = await VaultTestSetup.FailsAsync(provider, Id, _vault.RootToken);

        Assert.Contains("provider not available", ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_burst_beyond_the_rate_limiter_is_paced_not_dropped()
    {
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 0, rateLimiter: new VaultRateLimiter { Limit = 5, Burst = 2 }));
        // Warm the client first (connection, first-call compilation), then let the bucket fill again: otherwise the
        // first arrivals are late for reasons of their own while the limiter refills, and the burst looks unpaced.
        await provider.GetAsync(Id, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        _vault.ClearRequests();
        var clock = Stopwatch.StartNew();

        var lookups = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => provider.GetAsync(Id, CancellationToken.None)));

        clock.Stop();
        Assert.All(lookups, l => Assert.Equal(Canary, l.Value.Reveal()));
        Assert.Equal(8, _vault.Requests.Count);
        // 2 at once, then 6 more at 5 per second, one per 200 ms tick: at least 5 tick intervals (1.0 s) after the first
        // refill, which may come at any moment; a late tick catches up, so allow the timer's jitter. Unpaced: a few ms.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"8 requests took only {clock.Elapsed}");
        var arrivals = _vault.Requests.Select(r => r.At).Order().ToList();
        Assert.True(arrivals[^1] - arrivals[0] >= TimeSpan.FromMilliseconds(900), $"Vault saw the burst within {arrivals[^1] - arrivals[0]}");
    }

    [Fact]
    public async Task A_rate_limit_of_zero_means_no_limiter()
    {
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 0, rateLimiter: new VaultRateLimiter { Limit = 0, Burst = 0 }));
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => provider.GetAsync(Id, CancellationToken.None)));

        Assert.Equal(20, _vault.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_cancelled_caller_gets_a_cancellation()
    {
        _vault.Faults.Delay = TimeSpan.FromSeconds(10);
        using var provider = VaultTestSetup.Client(Resource(maxRetries: 0));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => provider.GetAsync(Id, cts.Token));
    }

    private VaultProvider Resource(int maxRetries, TimeSpan? timeout = null, VaultRateLimiter? rateLimiter = null) =>
        VaultTestSetup.Resource(_vault.Address, _vault.RootToken, "v2", c =>
        {
            c.MaxRetries = maxRetries;
            c.Timeout = timeout ?? TimeSpan.FromSeconds(10);
            c.RateLimiter = rateLimiter;
        });
}
