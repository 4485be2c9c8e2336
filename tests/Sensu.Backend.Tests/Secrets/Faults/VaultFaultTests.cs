using Sensu.Backend.Caching;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets.Faults;

/// <summary>
/// Vault faults through the real backend (issue 4 acceptance): each gives the documented outcome (secrets-spec
/// §4.2, §4.8), a clear log line naming secret, provider and reason, a backend that keeps serving, the event
/// stored although its handler could not run, and the <c>sensu-system</c> <c>secrets</c> event with the status
/// §4.2 gives: 2 when the provider is not available, 0 when it answered (a missing secret included).
/// </summary>
public sealed class VaultFaultTests
{
    [Fact]
    public async Task Vault_down_fails_the_handler_as_provider_not_available()
    {
        await using var s = await FaultScenario.StartAsync();
        await s.ConfigureAsync(s.Client(maxRetries: 1));
        await s.Vault.StopAsync();

        await s.FireAsync();

        var ev = await s.Backend.WaitForSecretsEventAsync(2);
        Assert.Contains("secret provider not available", FaultScenario.Output(ev), StringComparison.Ordinal);
        Assert.Contains("Connection refused", await s.FailureLogAsync("secret provider not available"), StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(s.OutputFile));
        await s.AssertServingAndEventStoredAsync();
    }

    [Fact]
    public async Task Slow_vault_past_the_timeout_fails_within_the_timeout()
    {
        await using var s = await FaultScenario.StartAsync();
        await s.ConfigureAsync(s.Client(timeout: "1s"));
        s.Vault.Faults.Delay = TimeSpan.FromSeconds(20);
        var started = Environment.TickCount64;

        await s.FireAsync();

        var ev = await s.Backend.WaitForSecretsEventAsync(2);
        Assert.InRange(Environment.TickCount64 - started, 0, 10_000);
        Assert.Contains("within the 1s timeout", FaultScenario.Output(ev), StringComparison.Ordinal);
        await s.FailureLogAsync("secret provider not available: no answer from Vault within the 1s timeout");
        Assert.False(File.Exists(s.OutputFile));
        await s.AssertServingAndEventStoredAsync();
    }

    [Fact]
    public async Task A_refused_token_403_is_not_retried_and_is_critical()
    {
        await using var s = await FaultScenario.StartAsync();
        await s.ConfigureAsync(s.Client(token: "not-a-valid-token"));

        await s.FireAsync();

        var ev = await s.Backend.WaitForSecretsEventAsync(2);
        Assert.Contains("403", FaultScenario.Output(ev), StringComparison.Ordinal);
        await s.FailureLogAsync("permission denied");
        Assert.Single(s.Vault.Requests, r => r.Path == "/v1/secret/data/pagerduty");
        Assert.DoesNotContain("not-a-valid-token", s.Backend.Logs.All, StringComparison.Ordinal);
        await s.AssertServingAndEventStoredAsync();
    }

    [Theory]
    [InlineData("secret/nothing-here#key", "Vault has no secret at")]
    [InlineData("secret/pagerduty#missing", "has no key \"missing\"")]
    public async Task A_missing_secret_or_key_404_is_secret_not_found_and_the_provider_ok(string id, string detail)
    {
        await using var s = await FaultScenario.StartAsync();
        await s.ConfigureAsync(s.Client(), id);

        await s.FireAsync();

        var ev = await s.Backend.WaitForSecretsEventAsync(0);
        Assert.Equal(SecretsHealthEvents.OkOutput, FaultScenario.Output(ev));
        Assert.Contains(detail, await s.FailureLogAsync("secret not found"), StringComparison.Ordinal);
        Assert.Single(s.Vault.Requests, r => r.Path.StartsWith("/v1/secret/data/", StringComparison.Ordinal));
        Assert.False(File.Exists(s.OutputFile));
        await s.AssertServingAndEventStoredAsync();
    }

    [Fact]
    public async Task Throttled_429_then_success_within_max_retries_runs_the_handler()
    {
        await using var s = await FaultScenario.StartAsync();
        await s.ConfigureAsync(s.Client());
        s.Vault.Faults.FailNext(2, 429);

        await s.FireAsync();

        Assert.Equal($"DEDUP={FaultScenario.Value}\n", await s.HandlerOutputAsync());
        Assert.Equal([429, 429, 200], s.Vault.Requests.Where(r => r.Path == "/v1/secret/data/pagerduty").Select(r => r.Status));
        var ev = await s.Backend.WaitForSecretsEventAsync(0);
        Assert.Equal(SecretsHealthEvents.OkOutput, FaultScenario.Output(ev));
        await s.AssertServingAndEventStoredAsync();
    }

    [Fact]
    public async Task A_sealed_vault_503_is_retried_then_critical()
    {
        await using var s = await FaultScenario.StartAsync();
        await s.ConfigureAsync(s.Client());
        s.Vault.Faults.Sealed = true;

        await s.FireAsync();

        var ev = await s.Backend.WaitForSecretsEventAsync(2);
        Assert.Contains("Vault is sealed", FaultScenario.Output(ev), StringComparison.Ordinal);
        await s.FailureLogAsync("after 3 attempts: Vault is sealed");
        Assert.Equal(3, s.Vault.Requests.Count(r => r.Path == "/v1/secret/data/pagerduty"));
        await s.AssertServingAndEventStoredAsync();
    }

    [Fact]
    public async Task A_burst_beyond_the_rate_limiter_is_paced_not_dropped()
    {
        await using var s = await FaultScenario.StartAsync();
        const int Count = 5;
        for (var i = 0; i < Count; i++)
            s.Vault.WriteSecret("secret", $"burst{i}", new Dictionary<string, object?> { ["key"] = $"burst-value-{i}-5d2c" });
        await s.ConfigureAsync(s.Client(extra: "\"rate_limiter\":{\"limit\":4,\"burst\":1}"));
        for (var i = 0; i < Count; i++)
            await s.Backend.PutSecretAsync($"b{i}", "vault", $"secret/burst{i}#key");
        var secrets = string.Join(',', Enumerable.Range(0, Count).Select(i => $$"""{"name":"B{{i}}","secret":"b{{i}}"}"""));
        var echo = string.Join(' ', Enumerable.Range(0, Count).Select(i => $"$B{i}"));
        await s.Backend.PutAsync("/api/core/v2/namespaces/default/handlers/pd",
            $$"""{"metadata":{"name":"pd","namespace":"default"},"type":"pipe","timeout":30,"command":"echo \"{{echo}}\" > {{s.OutputFile}}.tmp && mv {{s.OutputFile}}.tmp {{s.OutputFile}}","secrets":[{{secrets}}]}""");
        var catalog = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SecretCatalog>(s.Backend.Services);
        await SecretsBackend.EventuallyAsync(() => Task.FromResult(catalog.Find("default", $"b{Count - 1}") is not null));
        // The handler cache must hold the new pd (with the five secrets), not the scenario's first one.
        var handlers = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ResourceCache<Handler>>(s.Backend.Services);
        await SecretsBackend.EventuallyAsync(() => Task.FromResult(handlers.Get("default", "pd")?.Secrets?.Count == Count));

        await s.FireAsync();

        var text = await s.HandlerOutputAsync();
        Assert.Equal(string.Join(' ', Enumerable.Range(0, Count).Select(i => $"burst-value-{i}-5d2c")) + "\n", text);
        var reads = s.Vault.Requests.Where(r => r.Path.StartsWith("/v1/secret/data/burst", StringComparison.Ordinal)).ToList();
        Assert.Equal(Count, reads.Count);
        Assert.All(reads, r => Assert.Equal(200, r.Status));
        // 4 tokens a second after a burst of 1, replenished by the limiter's own 250 ms timer: the first refill can come
        // at any moment after the first read, the next three a full period apart, so the 5 reads span more than 3 × 250 ms
        // (without pacing they would span a few milliseconds).
        Assert.True(reads[^1].At - reads[0].At > TimeSpan.FromMilliseconds(750), $"reads spanned {reads[^1].At - reads[0].At}");
        await s.AssertServingAndEventStoredAsync();
    }

    [Fact]
    public async Task Cert_auth_with_a_wrong_certificate_is_critical_and_names_the_login()
    {
        using var pki = TestCertificates.Create();
        await using var s = await FaultScenario.StartAsync(new FakeVaultOptions { ServerCertificate = pki.Server });
        s.Vault.RegisterCertificate("sensu-backend", pki.Client, TimeSpan.FromHours(1));
        var tls = $$"""{"ca_cert":"{{pki.CaCertPath}}","client_cert":"{{pki.OtherClientCertPath}}","client_key":"{{pki.OtherClientKeyPath}}","cname":"sensu-backend"}""";
        await s.ConfigureAsync($$"""{"address":"{{s.Vault.Address}}","version":"v2","max_retries":2,"timeout":"5s","tls":{{tls}}}""");

        await s.FireAsync();

        var ev = await s.Backend.WaitForSecretsEventAsync(2);
        Assert.Contains("TLS certificate login failed", FaultScenario.Output(ev), StringComparison.Ordinal);
        await s.FailureLogAsync("invalid certificate or no client certificate supplied");
        Assert.DoesNotContain(s.Vault.Requests, r => r.Path == "/v1/secret/data/pagerduty");
        Assert.False(File.Exists(s.OutputFile));
        await s.AssertServingAndEventStoredAsync();
    }
}
