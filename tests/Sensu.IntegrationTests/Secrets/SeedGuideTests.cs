using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;
using Sensu.Testing;

namespace Sensu.IntegrationTests.Secrets;

/// <summary>
/// Issue 4 acceptance: reference/seed-secrets-management.md end to end, with the real <c>sensu-backend</c> process
/// (with <c>SENSU_PAGERDUTY_KEY</c> in its environment), the real <c>sensuctl</c> executable running each command
/// of the guide as written, a local Bonsai-compatible hub and a Vault KV v2 endpoint. An incident for the
/// <c>pagerduty</c> handler makes the asset's script record <c>--dedup-key &lt;value&gt;</c> and
/// <c>DEDUP_KEY=&lt;value&gt;</c>. Env flow and Vault flow.
/// </summary>
[Collection("seed guide")]
public sealed class SeedGuideTests
{
    [Fact]
    public async Task Env_flow_delivers_the_key_to_the_handler_environment_and_command_line()
    {
        var key = "env-integration-key-" + Guid.NewGuid().ToString("N")[..10];
        await RunGuideAsync(key, SeedGuide.EnvSecret, vault: false);
    }

    [Fact]
    public async Task Vault_flow_delivers_the_key_to_the_handler_environment_and_command_line()
    {
        var key = "vault-integration-key-" + Guid.NewGuid().ToString("N")[..10];
        await RunGuideAsync(key, SeedGuide.VaultSecret, vault: true);
    }

    private static async Task RunGuideAsync(string key, string secretYaml, bool vault)
    {
        var dir = Directory.CreateTempSubdirectory("sensu-seed-guide-").FullName;
        var record = Path.Combine(dir, "pagerduty-handler.out");
        // The guide's /etc/default/sensu-backend line: the variable is in the backend process's environment
        // (and only there). Vault flow: the variable holds a decoy.
        var backendEnvironment = new Dictionary<string, string> { ["SENSU_PAGERDUTY_KEY"] = vault ? "decoy-not-the-vault-key" : key };
        try
        {
            await using var hub = await GuideHub.StartAsync(record);
            await using var backend = await BackendProcess.StartAsync([], backendEnvironment, CancellationToken.None);
            var env = new Dictionary<string, string>
            {
                ["SENSU_CONFIG_DIR"] = Path.Combine(dir, "sensuctl"),
                ["SENSU_BONSAI_URL"] = hub.Address,
            };
            async Task<string> Sensuctl(string? stdin, params string[] args)
            {
                var (code, output, error) = await Secrets.Sensuctl.RunAsync(env, stdin, args);
                Assert.True(code == 0, $"sensuctl {string.Join(' ', args)} exited {code}\nstdout: {output}\nstderr: {error}\nbackend: {backend.Log.Tail(4000)}");
                return output;
            }

            await Sensuctl(null, "configure", "-n", "--url", backend.ApiUrlText, "--username", BackendProcess.AdminUsername, "--password", BackendProcess.AdminPassword);
            if (vault)
            {
                await Sensuctl(SeedGuide.VaultProvider.Replace("http://localhost:8200", hub.Address, StringComparison.Ordinal).Replace("ROOT_TOKEN", hub.RootToken, StringComparison.Ordinal), "create");
                // vault kv put secret/pagerduty key=<key>, through Vault's HTTP API.
                using var put = new HttpRequestMessage(HttpMethod.Post, $"{hub.Address}/v1/secret/data/pagerduty")
                {
                    Content = JsonContent.Create(new JsonObject { ["data"] = new JsonObject { ["key"] = key } }),
                };
                put.Headers.Add("X-Vault-Token", hub.RootToken);
                using var http = new HttpClient();
                (await http.SendAsync(put)).EnsureSuccessStatusCode();
            }
            await Sensuctl(secretYaml, "create");
            await Sensuctl(null, "asset", "add", "sensu/sensu-pagerduty-handler:1.2.0", "-r", "pagerduty-handler");
            Assert.Contains("name: pagerduty-handler", await Sensuctl(null, "asset", "list", "--format", "yaml"), StringComparison.Ordinal);
            await Sensuctl(SeedGuide.Handler, "create");

            // Sensu chooses the handler asset's build against the backend's own entity (the handler runs on the
            // backend): an event from a proxy entity (no system facts) and one from an agent of another architecture
            // both get this host's build.
            await PostIncidentAsync(backend, ProxyEntity());
            await AssertHandledAsync(record, key, hub, backend);
            File.Delete(record);
            await PostIncidentAsync(backend, ForeignAgentEntity());
            await AssertHandledAsync(record, key, hub, backend);
            if (vault)
                Assert.Contains("GET /v1/secret/data/pagerduty", hub.Requests);
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static async Task AssertHandledAsync(string record, string key, GuideHub hub, BackendProcess backend)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (!File.Exists(record))
        {
            Assert.True(Environment.TickCount64 < deadline,
                $"the handler never ran; hub requests: {string.Join(", ", hub.Requests)}\nbackend log:\n{backend.Log.Tail(8000)}");
            await Task.Delay(200);
        }
        var text = await File.ReadAllTextAsync(record);
        Assert.StartsWith("right build", text, StringComparison.Ordinal);
        Assert.Contains($"argv: --dedup-key {key}", text, StringComparison.Ordinal);
        Assert.Contains($"DEDUP_KEY={key}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, backend.Log.Text(), StringComparison.Ordinal);
    }

    private static JsonObject ProxyEntity() =>
        new() { ["entity_class"] = "proxy", ["metadata"] = new JsonObject { ["name"] = "server01", ["namespace"] = "default" } };

    /// <summary>An agent entity that reports <see cref="GuideHub.ForeignArch"/>, as an agent on another machine would.</summary>
    private static JsonObject ForeignAgentEntity() => new()
    {
        ["entity_class"] = "agent",
        ["metadata"] = new JsonObject { ["name"] = "arm-node-1", ["namespace"] = "default" },
        ["system"] = new JsonObject { ["hostname"] = "arm-node-1", ["os"] = "linux", ["platform"] = "debian", ["arch"] = GuideHub.ForeignArch },
    };

    private static async Task PostIncidentAsync(BackendProcess backend, JsonObject entity)
    {
        using var http = new HttpClient { BaseAddress = backend.ApiUrl };
        using var login = new HttpRequestMessage(HttpMethod.Get, "/auth");
        login.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BackendProcess.AdminUsername}:{BackendProcess.AdminPassword}")));
        using var auth = await http.SendAsync(login);
        auth.EnsureSuccessStatusCode();
        var token = (await auth.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var ev = new JsonObject
        {
            ["entity"] = entity,
            ["check"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = "check-cpu", ["namespace"] = "default" },
                ["status"] = 2,
                ["output"] = "CRITICAL: cpu at 99%",
                ["handlers"] = new JsonArray("pagerduty"),
            },
        };
        using var response = await http.PostAsync("/api/core/v2/namespaces/default/events",
            new StringContent(ev.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"POST event: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
