using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;
using Sensu.Testing.Vault;

namespace Sensu.Cli.Tests.Secrets;

/// <summary>
/// Issue 4 acceptance, canary test, the <c>sensuctl</c> surface (the rest is in
/// <c>Sensu.Backend.Tests/Secrets/CanaryAcrossSurfacesTests</c>): after handlers printed an env and a Vault canary
/// (one of them failing) and a check output carried both, no <c>list</c>, <c>info</c> or <c>dump</c> output in any
/// format, and no error text, shows either value.
/// </summary>
public sealed class CanarySensuctlTests
{
    private static readonly string[] Formats = ["tabular", "json", "wrapped-json", "yaml"];

    [Fact]
    public async Task No_sensuctl_output_in_any_format_shows_a_canary()
    {
        var envCanary = "CANARY-env-" + Guid.NewGuid().ToString("N")[..12];
        var vaultCanary = "CANARY-vault-" + Guid.NewGuid().ToString("N")[..12];
        var variable = "SENSU_CLI_CANARY_" + Guid.NewGuid().ToString("N");
        var dir = Directory.CreateTempSubdirectory("sensuctl-canary-").FullName;
        Environment.SetEnvironmentVariable(variable, envCanary);
        try
        {
            await using var vault = await FakeVault.StartAsync();
            vault.WriteSecret("secret", "canary", new Dictionary<string, object?> { ["key"] = vaultCanary });
            await using var backend = await TestBackend.StartAsync();
            using var api = await backend.LoginAsync();
            await PutAsync(api, "/api/enterprise/secrets/v1/providers/vault",
                $$"""{"type":"VaultProvider","api_version":"secrets/v1","metadata":{"name":"vault"},"spec":{"client":{"address":"{{vault.Address}}","token":"{{vault.RootToken}}","version":"v2","max_retries":0,"timeout":"5s" """ + "}}}");
            await PutAsync(api, "/api/enterprise/secrets/v1/namespaces/default/secrets/env-canary",
                $$$"""{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"env-canary","namespace":"default"},"spec":{"id":"{{{variable}}}","provider":"env"}}""");
            await PutAsync(api, "/api/enterprise/secrets/v1/namespaces/default/secrets/vault-canary",
                """{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"vault-canary","namespace":"default"},"spec":{"id":"secret/canary#key","provider":"vault"}}""");
            const string Both = """[{"name":"ENV_C","secret":"env-canary"},{"name":"VAULT_C","secret":"vault-canary"}]""";
            await PutAsync(api, "/api/core/v2/namespaces/default/handlers/printer",
                $$"""{"metadata":{"name":"printer","namespace":"default"},"type":"pipe","timeout":30,"command":"echo \"out $ENV_C $VAULT_C\"; echo \"err $ENV_C $VAULT_C\" >&2; touch {{dir}}/printer.done","secrets":{{Both}}}""");
            await PutAsync(api, "/api/core/v2/namespaces/default/handlers/failer",
                $$"""{"metadata":{"name":"failer","namespace":"default"},"type":"pipe","timeout":30,"command":"echo \"fail $ENV_C\"; echo \"$VAULT_C\" >&2; touch {{dir}}/failer.done; exit 1","secrets":{{Both}}}""");

            // The handlers run (resolving, and so registering, both values); then a check prints them.
            await PutEventAsync(api, "canary-check", 2, "plain", "printer", "failer");
            await EventuallyAsync(() => File.Exists(Path.Combine(dir, "printer.done")) && File.Exists(Path.Combine(dir, "failer.done")));
            await Task.Delay(500);
            await PutEventAsync(api, "leaky-check", 1, $"token={envCanary} vault={vaultCanary}");

            using var cli = new CliHarness();
            await cli.ConfigureAsync(backend);
            var runs = new List<(string Command, CliRun Run)>();
            foreach (var format in Formats)
            {
                foreach (var command in new[]
                {
                    "secret list", "secret info env-canary", "secret info vault-canary", "handler list", "handler info printer",
                    "event list", "event info web1 leaky-check", "event info web1 canary-check", "entity list", "entity info web1",
                    "event list --all-namespaces", "entity list --all-namespaces",
                })
                {
                    var line = $"{command} --format {format}";
                    runs.Add((line, await cli.RunAsync(line)));
                }
            }
            foreach (var format in new[] { "yaml", "wrapped-json" })
            {
                var line = $"dump all --all-namespaces --format {format}";
                runs.Add((line, await cli.RunAsync(line)));
                line = $"dump secrets/v1.Secret,secrets/v1.Provider,core/v2.Event,core/v2.Entity --all-namespaces --format {format}";
                runs.Add((line, await cli.RunAsync(line)));
            }
            runs.Add(("secret info not-there", await cli.RunAsync("secret info not-there")));

            var leaky = runs.Single(r => r.Command == "event info web1 leaky-check --format json").Run.AssertSuccess();
            Assert.Contains("REDACTED", leaky.Out, StringComparison.Ordinal);
            Assert.Contains(runs, r => r.Command.StartsWith("dump all", StringComparison.Ordinal) && r.Run.ExitCode == 0 && r.Run.Out.Contains("env-canary", StringComparison.Ordinal));
            foreach (var (command, run) in runs)
            {
                foreach (var canary in new[] { envCanary, vaultCanary })
                {
                    Assert.False(run.Out.Contains(canary, StringComparison.Ordinal), $"sensuctl {command} printed a canary:\n{run.Out}");
                    Assert.False(run.Error.Contains(canary, StringComparison.Ordinal), $"sensuctl {command} error text holds a canary:\n{run.Error}");
                }
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task PutAsync(HttpClient api, string path, string json)
    {
        using var response = await api.PutAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static Task PutEventAsync(HttpClient api, string check, int status, string output, params string[] handlers) =>
        PutAsync(api, $"/api/core/v2/namespaces/default/events/web1/{check}", new JsonObject
        {
            ["entity"] = new JsonObject { ["entity_class"] = "proxy", ["metadata"] = new JsonObject { ["name"] = "web1", ["namespace"] = "default" } },
            ["check"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = check, ["namespace"] = "default" },
                ["status"] = status,
                ["output"] = output,
                ["handlers"] = new JsonArray(handlers.Select(h => (JsonNode)JsonValue.Create(h)!).ToArray()),
            },
        }.ToJsonString());

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("condition not met within 30 s");
            await Task.Delay(50);
        }
    }
}
