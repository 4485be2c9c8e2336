using System.Globalization;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;
using Sensu.Testing.Vault;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Agent;

/// <summary>
/// Check secrets over mutual TLS (issue 6, secrets-spec §6), real processes: a backend whose agent listener trusts a
/// CA and an agent presenting a client certificate from it. The secret lives in the backend's environment only; the
/// check's command receives it in its environment, and the stored event never shows it.
/// </summary>
public sealed class AgentMtlsEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private const string Variable = "SENSU_E2E_MTLS_TOKEN";
    private readonly string _dir = Directory.CreateTempSubdirectory("agent-mtls-e2e-").FullName;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    [Fact]
    public async Task Check_with_secrets_reaches_an_mtls_agent_with_the_value_in_its_environment()
    {
        using var pki = TestCertificates.Create();
        var value = "mtls-canary-" + Guid.NewGuid().ToString("N")[..10];
        await using var backend = await BackendProcess.StartAsync(
            [
                "--agent-auth-cert-file", pki.ServerCertPath,
                "--agent-auth-key-file", pki.ServerKeyPath,
                "--agent-auth-trusted-ca-file", pki.CaCertPath,
            ],
            new Dictionary<string, string> { [Variable] = value },
            _timeout.Token);
        using var api = await SensuApi.LoginAsync(backend);
        await api.PutAsync("/api/enterprise/secrets/v1/namespaces/default/secrets/e2e-mtls",
            """{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"e2e-mtls","namespace":"default"},"spec":{"id":"SENSU_E2E_MTLS_TOKEN","provider":"env"}}""");

        var agentUrl = new Uri("wss://127.0.0.1:" + backend.AgentPort.ToString(CultureInfo.InvariantCulture));
        await using var agent = await AgentProcess.StartAsync(agentUrl, "e2e-mtls-agent",
            [
                "--subscriptions", "e2e-mtls",
                "--cert-file", pki.ClientCertPath,
                "--key-file", pki.ClientKeyPath,
                "--trusted-ca-file", pki.CaCertPath,
            ],
            _timeout.Token);

        var received = Path.Combine(_dir, "received");
        var command = $"printf %s \"$E2E_TOKEN\" > '{received}'; echo \"token=[$E2E_TOKEN]\"";
        await api.PutAsync("/api/core/v2/namespaces/default/checks/e2e-mtls-check", $$"""
            {"metadata":{"name":"e2e-mtls-check","namespace":"default"},"command":{{System.Text.Json.Nodes.JsonValue.Create(command).ToJsonString()}},
             "subscriptions":["e2e-mtls"],"interval":1,"publish":true,
             "secrets":[{"name":"E2E_TOKEN","secret":"e2e-mtls"}]}
            """);

        var ev = await api.WaitForAsync("/api/core/v2/namespaces/default/events/e2e-mtls-agent/e2e-mtls-check",
            e => e["check"]?["output"] is not null, TimeSpan.FromSeconds(60));
        if (ev is null || !File.Exists(received))
            output.WriteLine($"--- agent\n{agent.Log.Tail(4000)}\n--- backend\n{backend.Log.Tail(6000)}");

        Assert.NotNull(ev);
        Assert.Equal(value, await File.ReadAllTextAsync(received));
        var stored = ev.ToJsonString();
        Assert.DoesNotContain(value, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(value, backend.Log.Tail(1_000_000), StringComparison.Ordinal);
        Assert.DoesNotContain(value, agent.Log.Tail(1_000_000), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _timeout.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Left behind.
        }
    }
}
