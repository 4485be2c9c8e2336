using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Secrets;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets.Faults;

/// <summary>
/// A fake Vault and a real backend with a VaultProvider <c>vault</c> pointing at it, a Secret <c>pd</c> and a pipe
/// handler <c>pd</c> that writes <c>$DEDUP_KEY</c> to a file. Faults are switched on the Vault, then an incident
/// is posted; the assertions check the documented outcome.
/// </summary>
internal sealed class FaultScenario : IAsyncDisposable
{
    public const string Value = "vault-fault-value-6c1d2e";

    private FaultScenario(FakeVault vault, SecretsBackend backend, string dir)
    {
        Vault = vault;
        Backend = backend;
        Dir = dir;
    }

    public FakeVault Vault { get; }

    public SecretsBackend Backend { get; }

    public string Dir { get; }

    public string OutputFile => Path.Combine(Dir, "handler-out");

    public static async Task<FaultScenario> StartAsync(FakeVaultOptions? vaultOptions = null)
    {
        var vault = await FakeVault.StartAsync(vaultOptions);
        vault.WriteSecret("secret", "pagerduty", new Dictionary<string, object?> { ["key"] = Value });
        var backend = await SecretsBackend.StartAsync(s => s.AddSingleton<ISecretProviderFactory, FastRetryVaultFactory>());
        var dir = Directory.CreateTempSubdirectory("sensu-fault-").FullName;
        return new FaultScenario(vault, backend, dir);
    }

    /// <summary>Token-auth client JSON for this Vault, with <paramref name="extra"/> fields (JSON members, no braces).</summary>
    public string Client(string? token = null, int maxRetries = 2, string timeout = "5s", string extra = "") =>
        $$"""{"address":"{{Vault.Address}}","token":"{{token ?? Vault.RootToken}}","version":"v2","max_retries":{{maxRetries}},"timeout":"{{timeout}}"{{(extra.Length > 0 ? "," + extra : "")}}}""";

    /// <summary>Creates the provider, the Secret <c>pd</c> (id <paramref name="id"/>) and the handler; waits until the backend sees them.</summary>
    public async Task ConfigureAsync(string client, string id = "secret/pagerduty#key")
    {
        await Backend.PutVaultProviderAsync("vault", client);
        await Backend.PutSecretAsync("pd", "vault", id);
        await Backend.PutHandlerAsync("pd", $"echo \"DEDUP=$DEDUP_KEY\" > {OutputFile}.tmp && mv {OutputFile}.tmp {OutputFile}", "DEDUP_KEY", "pd");
        var registry = Backend.Services.GetRequiredService<SecretProviderRegistry>();
        var catalog = Backend.Services.GetRequiredService<SecretCatalog>();
        await SecretsBackend.EventuallyAsync(() => Task.FromResult(registry.Find("vault") is not null && catalog.Find("default", "pd") is not null));
    }

    public Task FireAsync(string check = "disk") => Backend.PutEventAsync(check, 2, "disk is full", "pd");

    /// <summary>Waits for the handler's file and returns its text.</summary>
    public async Task<string> HandlerOutputAsync()
    {
        await SecretsBackend.EventuallyAsync(() => Task.FromResult(File.Exists(OutputFile)), what: () => "handler output file");
        return await File.ReadAllTextAsync(OutputFile);
    }

    /// <summary>The event was stored despite its handler's secrets failing, and the backend still serves.</summary>
    public async Task AssertServingAndEventStoredAsync(string check = "disk")
    {
        Assert.Equal(HttpStatusCode.OK, await Backend.HealthAsync());
        var stored = await Backend.GetEventAsync("default", "web1", check);
        Assert.NotNull(stored);
        Assert.Equal(2, stored!["check"]!["status"]!.GetValue<int>());
        var (status, _) = await Support.HttpClientJsonExtensions.SendJsonAsync(Backend.Admin, HttpMethod.Get, "/api/core/v2/namespaces/default/events", null);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    /// <summary>The audit line of the failed resolution of <c>pd</c>: names the secret and provider and says <paramref name="expected"/>.</summary>
    public async Task<string> FailureLogAsync(string expected)
    {
        await Backend.WaitForLogAsync(l => l.Contains("[7011]") && l.Contains("pd") && l.Contains(expected, StringComparison.Ordinal),
            $"a [7011] line for pd saying '{expected}'; lines: {string.Join('\n', Backend.Logs.Lines.Where(l => l.Contains("[7011]")))}");
        return Backend.Logs.Lines.First(l => l.Contains("[7011]") && l.Contains(expected, StringComparison.Ordinal));
    }

    public static string Output(JsonNode ev) => ev["check"]!["output"]!.GetValue<string>();

    public async ValueTask DisposeAsync()
    {
        await Backend.DisposeAsync();
        await Vault.DisposeAsync();
        try
        {
            Directory.Delete(Dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
