using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Sensu.Testing.Postgres;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Backend;

/// <summary>
/// <c>sensu-backend start --store postgres --postgres-dsn DSN</c> as a real process on a real PostgreSQL server:
/// what is written survives a restart (the state lives in the database, not under --state-dir), and a DSN that
/// cannot be used fails start with one line and exit code 1, without the password.
/// </summary>
public sealed class PostgresStoreStartTests : IAsyncLifetime
{
    private PostgresServer? _server;

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Available)
            _server = await SharedPostgresServer.AcquireAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await SharedPostgresServer.ReleaseAsync();
    }

    [PostgresFact]
    public async Task A_check_created_through_the_api_is_still_there_after_a_restart()
    {
        var dsn = await _server!.CreateDatabaseAsync(CancellationToken.None);
        string[] store = ["--store", "postgres"];
        var environment = new Dictionary<string, string> { ["SENSU_BACKEND_POSTGRES_DSN"] = dsn };
        const string check = """{"metadata":{"name":"pg-check","namespace":"default"},"command":"true","interval":60,"subscriptions":["linux"],"publish":false}""";

        await using (var first = await BackendProcess.StartAsync(store, environment, CancellationToken.None))
        {
            using var client = await ClientAsync(first);
            var put = await client.PutAsync("/api/core/v2/namespaces/default/checks/pg-check", new StringContent(check, Encoding.UTF8, "application/json"));
            Assert.True(put.IsSuccessStatusCode, $"PUT answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
        }

        // A new process with a new, empty --state-dir: only the database can remember the check.
        await using var second = await BackendProcess.StartAsync(store, environment, CancellationToken.None);
        using var again = await ClientAsync(second);
        var get = await again.GetAsync("/api/core/v2/namespaces/default/checks/pg-check");
        Assert.Equal(System.Net.HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("\"pg-check\"", await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_fails_start_with_one_line_and_exit_code_1()
    {
        const string password = "never-print-me-42";
        var port = FreePort.Next();
        var dsn = $"Host=127.0.0.1;Port={port};Database=sensu;Username=sensu;Password={password};Timeout=5";
        var root = Directory.CreateTempSubdirectory("sensu-it-pg-").FullName;
        try
        {
            var start = DotnetChild.StartInfo(BackendLocator.Find(), root,
            [
                "start", "--state-dir", Path.Combine(root, "state"), "--cache-dir", Path.Combine(root, "cache"),
                "--api-listen-address", $"127.0.0.1:{FreePort.Next()}", "--agent-host", "127.0.0.1", "--agent-port", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--store", "postgres", "--postgres-dsn", dsn,
            ]);
            start.Environment["SENSU_BACKEND_CLUSTER_ADMIN_USERNAME"] = BackendProcess.AdminUsername;
            start.Environment["SENSU_BACKEND_CLUSTER_ADMIN_PASSWORD"] = BackendProcess.AdminPassword;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            var errors = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var output = await stdout;

            Assert.Equal(1, process.ExitCode);
            var line = Assert.Single(errors);
            Assert.Contains($"postgres store 127.0.0.1:{port}/sensu is unavailable", line, StringComparison.Ordinal);
            Assert.DoesNotContain(password, line + output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<HttpClient> ClientAsync(BackendProcess backend)
    {
        var client = new HttpClient { BaseAddress = backend.ApiUrl };
        using var auth = new HttpRequestMessage(HttpMethod.Get, "/auth");
        auth.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BackendProcess.AdminUsername}:{BackendProcess.AdminPassword}")));
        var answer = await client.SendAsync(auth);
        answer.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        return client;
    }
}
