using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Secrets;
using Sensu.Backend.Tests.Support;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// The canary scenario of issue 4: a canary in the backend's environment and one in Vault; debug logging; a pipe
/// handler printing both to stdout and stderr, a failing handler (exit 1, printing them), a handler whose second
/// secret fails after the first resolved; then an event whose check output carries both canaries. Issue 16 adds two
/// canaries no secret resolves: the admin password and the value of a backend variable no Secret names.
/// </summary>
internal sealed class CanaryWorld : IAsyncDisposable
{
    private CanaryWorld(SecretsBackend backend, FakeVault vault, string dir, string variable, string unreferencedVariable, string unreferencedCanary)
    {
        Backend = backend;
        Vault = vault;
        Dir = dir;
        Variable = variable;
        UnreferencedVariable = unreferencedVariable;
        UnreferencedCanary = unreferencedCanary;
    }

    public string EnvCanary { get; } = "CANARY-env-" + Guid.NewGuid().ToString("N")[..12];

    public string VaultCanary { get; } = "CANARY-vault-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The value of a backend variable no Secret names (issue 16): scrubbed from start all the same.</summary>
    public string UnreferencedCanary { get; }

    /// <summary>The backend's own credential (issue 16): <see cref="TestBackend.AdminPassword"/>.</summary>
    public static string AdminPassword => TestBackend.AdminPassword;

    public string[] Canaries => [EnvCanary, VaultCanary, UnreferencedCanary, AdminPassword];

    public SecretsBackend Backend { get; }

    public FakeVault Vault { get; }

    public string Dir { get; }

    public string Variable { get; }

    public string UnreferencedVariable { get; }

    public static async Task<CanaryWorld> StartAsync()
    {
        var vault = await FakeVault.StartAsync();
        // Set before the backend starts: the Env provider could serve it, so the scrubber knows it from start.
        var unreferencedVariable = "SENSU_UNREFERENCED_CANARY_" + Guid.NewGuid().ToString("N");
        var unreferencedCanary = "CANARY-unref-" + Guid.NewGuid().ToString("N")[..12];
        Environment.SetEnvironmentVariable(unreferencedVariable, unreferencedCanary);
        var backend = await SecretsBackend.StartAsync(logLevel: "debug");
        var world = new CanaryWorld(backend, vault, Directory.CreateTempSubdirectory("sensu-canary-world-").FullName,
            "SENSU_CANARY_" + Guid.NewGuid().ToString("N"), unreferencedVariable, unreferencedCanary);
        Environment.SetEnvironmentVariable(world.Variable, world.EnvCanary);
        vault.WriteSecret("secret", "canary", new Dictionary<string, object?> { ["key"] = world.VaultCanary });
        await world.ConfigureAndRunAsync();
        return world;
    }

    private async Task ConfigureAndRunAsync()
    {
        await Backend.PutVaultProviderAsync("vault", $$"""{"address":"{{Vault.Address}}","token":"{{Vault.RootToken}}","version":"v2","max_retries":0,"timeout":"5s"}""");
        await Backend.PutEnvSecretAsync("env-canary", Variable);
        await Backend.PutSecretAsync("vault-canary", "vault", "secret/canary#key");
        await Backend.PutSecretAsync("missing", "vault", "secret/not-there#key");
        var registry = Backend.Services.GetRequiredService<SecretProviderRegistry>();
        var catalog = Backend.Services.GetRequiredService<SecretCatalog>();
        await SecretsBackend.EventuallyAsync(() => Task.FromResult(registry.Find("vault") is not null && catalog.Find("default", "missing") is not null));

        const string Both = """[{"name":"ENV_C","secret":"env-canary"},{"name":"VAULT_C","secret":"vault-canary"}]""";
        await PutHandlerAsync("printer", $"echo \"out $ENV_C $VAULT_C\"; echo \"err $ENV_C $VAULT_C\" >&2; touch {Done("printer")}", Both);
        await PutHandlerAsync("failer", $"echo \"failing with $ENV_C\"; echo \"stderr $VAULT_C\" >&2; touch {Done("failer")}; exit 1", Both);
        await PutHandlerAsync("halfway", $"touch {Done("halfway")}",
            """[{"name":"ENV_C","secret":"env-canary"},{"name":"NOPE","secret":"missing"}]""");

        await Backend.PutEventAsync("canary-check", 2, "plain failure", "printer", "failer", "halfway");
        await SecretsBackend.EventuallyAsync(() => Task.FromResult(File.Exists(Done("printer")) && File.Exists(Done("failer"))), what: () => "both handlers ran");
        // Their output is logged once the processes are reaped; the failed lookup leaves its own line.
        await Backend.WaitForLogAsync(l => l.Contains("failer") && l.Contains("REDACTED"), "the failing handler's output logged");
        await Backend.WaitForLogAsync(l => l.Contains("printer") && l.Contains("REDACTED"), "the printing handler's output logged");
        await Backend.WaitForLogAsync(l => l.Contains("[7011]") && l.Contains("missing"), "the failed lookup logged");

        // A check whose output carries the secrets (as a careless check command would print them).
        await Backend.PutEventAsync("leaky-check", 1, $"token={EnvCanary} vault={VaultCanary} unreferenced={UnreferencedCanary} admin={AdminPassword}");
        Assert.False(File.Exists(Done("halfway")), "a handler whose second secret failed must not run");
    }

    private string Done(string handler) => Path.Combine(Dir, handler + ".done");

    private Task PutHandlerAsync(string name, string command, string secrets) =>
        Backend.PutAsync($"/api/core/v2/namespaces/default/handlers/{name}", new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
            ["type"] = "pipe",
            ["command"] = command,
            ["timeout"] = 30,
            ["secrets"] = JsonNode.Parse(secrets),
        }.ToJsonString());

    /// <summary>Creates a user bound to the built-in <c>view</c> cluster role; returns a client logged in as that user.</summary>
    public async Task<HttpClient> ViewerAsync()
    {
        await Backend.PutAsync("/api/core/v2/users/viewer", """{"username":"viewer","password":"V1ewer-pass!","groups":["canary-viewers"],"disabled":false}""");
        await Backend.PutAsync("/api/core/v2/clusterrolebindings/canary-viewers",
            """{"metadata":{"name":"canary-viewers"},"role_ref":{"type":"ClusterRole","name":"view"},"subjects":[{"type":"Group","name":"canary-viewers"}]}""");
        return await Backend.LoginAsync("viewer", "V1ewer-pass!");
    }

    public void AssertClean(string surface, string text)
    {
        foreach (var canary in Canaries)
            Assert.False(text.Contains(canary, StringComparison.Ordinal), $"{surface} holds the canary:\n{text}");
    }

    public static bool IsOk(HttpStatusCode status) => (int)status is >= 200 and < 300;

    public async ValueTask DisposeAsync()
    {
        await Backend.DisposeAsync();
        await Vault.DisposeAsync();
        Environment.SetEnvironmentVariable(Variable, null);
        Environment.SetEnvironmentVariable(UnreferencedVariable, null);
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
