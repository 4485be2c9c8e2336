using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sensu.Testing.Postgres;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Backend;

/// <summary>
/// <c>sensu-backend migrate-store</c> with the real processes: a backend on SQLite is given resources and events
/// through the API and stopped; its store is copied into a fresh PostgreSQL database, where a backend started on
/// PostgreSQL serves the same resources, events and logins. A second copy into the now non-empty database is refused.
/// </summary>
public sealed class MigrateStoreTests : IAsyncLifetime
{
    private const string CarolPassword = "Carol-P@ss-2026";
    private PostgresServer? _server;
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("sensu-it-migrate-");

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Available)
            _server = await SharedPostgresServer.AcquireAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await SharedPostgresServer.ReleaseAsync();
        _root.Delete(recursive: true);
    }

    [PostgresFact]
    public async Task A_sqlite_store_copied_to_postgres_serves_the_same_resources_events_and_logins()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        // The backend's state directory is a link to one of ours, so that its sensu.db outlives the process.
        var sqliteState = Directory.CreateDirectory(Path.Combine(_root.FullName, "sqlite-state")).FullName;
        var setup = new BackendProcessSetup { Prepare = (state, _) => Directory.CreateSymbolicLink(state, sqliteState) };

        await using (var sqlite = await BackendProcess.StartAsync([], new Dictionary<string, string>(), setup, ct))
        {
            using var api = await ClientAsync(sqlite, BackendProcess.AdminUsername, BackendProcess.AdminPassword);
            await SendAsync(api, HttpMethod.Put, "/api/core/v2/namespaces/migrated", """{"name":"migrated"}""");
            await SendAsync(api, HttpMethod.Put, "/api/core/v2/namespaces/migrated/checks/disk",
                """{"metadata":{"name":"disk","namespace":"migrated"},"command":"check-disk","interval":60,"subscriptions":["linux"],"publish":false}""");
            await SendAsync(api, HttpMethod.Put, "/api/core/v2/namespaces/migrated/handlers/keep",
                """{"metadata":{"name":"keep","namespace":"migrated"},"type":"pipe","command":"cat"}""");
            await SendAsync(api, HttpMethod.Put, "/api/enterprise/secrets/v1/namespaces/migrated/secrets/token",
                """{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"token","namespace":"migrated"},"spec":{"id":"HOME","provider":"env"}}""");
            await SendAsync(api, HttpMethod.Post, "/api/core/v2/users",
                $$"""{"username":"carol","password":"{{CarolPassword}}","groups":["cluster-admins"],"disabled":false}""");
            foreach (var (entity, check, status) in new[] { ("web-1", "disk", 1), ("web-1", "load", 0), ("web-2", "disk", 2) })
            {
                await SendAsync(api, HttpMethod.Post, "/api/core/v2/namespaces/migrated/events",
                    $$$"""{"entity":{"entity_class":"proxy","metadata":{"name":"{{{entity}}}","namespace":"migrated"}},"check":{"metadata":{"name":"{{{check}}}","namespace":"migrated"},"status":{{{status}}},"output":"from sqlite","interval":60}}""");
            }
        }

        var dsn = await _server!.CreateDatabaseAsync(ct);
        var (code, output, error) = await MigrateAsync(["--from", "sqlite:" + sqliteState, "--to", "postgres:" + dsn], ct);
        Assert.True(code == 0, $"exit {code}\n{output}\n{error}");
        Assert.Contains("verified", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^core/v2/checks\s+1\s+1\s+\w+\s+\w+\s+ok", output);
        Assert.Matches(@"(?m)^\(events\)\s+3\s+3\s+\w+\s+\w+\s+ok", output);

        var environment = new Dictionary<string, string> { ["SENSU_BACKEND_POSTGRES_DSN"] = dsn };
        await using var postgres = await BackendProcess.StartAsync(["--store", "postgres"], environment, ct);
        using (var api = await ClientAsync(postgres, BackendProcess.AdminUsername, BackendProcess.AdminPassword))
        {
            foreach (var path in new[]
            {
                "/api/core/v2/namespaces/migrated",
                "/api/core/v2/namespaces/migrated/checks/disk",
                "/api/core/v2/namespaces/migrated/handlers/keep",
                "/api/enterprise/secrets/v1/namespaces/migrated/secrets/token",
                "/api/core/v2/users/carol",
                "/api/core/v2/namespaces/migrated/entities/web-2",
            })
            {
                using var answer = await api.GetAsync(path, ct);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(ct)}");
            }

            using var events = JsonDocument.Parse(await api.GetStringAsync("/api/core/v2/namespaces/migrated/events", ct));
            var listed = events.RootElement.EnumerateArray()
                .Select(e => $"{e.GetProperty("entity").GetProperty("metadata").GetProperty("name").GetString()}/{e.GetProperty("check").GetProperty("metadata").GetProperty("name").GetString()}={e.GetProperty("check").GetProperty("status").GetInt32()}")
                .Order(StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(["web-1/disk=1", "web-1/load=0", "web-2/disk=2"], listed);
        }

        using (var carol = await ClientAsync(postgres, "carol", CarolPassword))
        {
            using var answer = await carol.GetAsync("/api/core/v2/namespaces/migrated/checks/disk", ct);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        // The database now holds a store: a second copy is refused with one line and changes nothing.
        (code, output, error) = await MigrateAsync(["--from", "sqlite:" + Path.Combine(sqliteState, "sensu.db"), "--to", "postgres:" + dsn], ct);
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: the target store postgres:", line, StringComparison.Ordinal);
        Assert.Contains("--force", line, StringComparison.Ordinal);
        Assert.DoesNotContain("copied", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_and_an_unreachable_target_fail_with_one_line()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var (code, _, error) = await MigrateAsync(["--from", "etcd:127.0.0.1:2379", "--to", "sqlite:" + _root.FullName], timeout.Token);
        Assert.Equal(2, code);
        Assert.Equal("error: --from: unknown store \"etcd\"; use sqlite:PATH or postgres:DSN", error.Trim());

        (code, _, error) = await MigrateAsync(["--from", "sqlite:" + Path.Combine(_root.FullName, "nothing-here"), "--to", "sqlite:" + Path.Combine(_root.FullName, "b")], timeout.Token);
        Assert.Equal(2, code);
        Assert.StartsWith("error: no SQLite store at ", error.Trim(), StringComparison.Ordinal);

        // A real (empty) SQLite source, and a PostgreSQL target on a port nobody listens on.
        const string password = "never-print-me-77";
        var source = Path.Combine(_root.FullName, "empty");
        Directory.CreateDirectory(source);
        await using (var store = new Sensu.Store.Sqlite.SqliteStore(new Sensu.Store.Sqlite.SqliteStoreOptions { StateDirectory = source }))
            await store.InitializeAsync(timeout.Token);
        var port = FreePort.Next();
        (code, var output, error) = await MigrateAsync(
            ["--from", "sqlite:" + source, "--to", $"postgres:Host=127.0.0.1;Port={port};Database=sensu;Username=sensu;Password={password};Timeout=5"], timeout.Token);
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"127.0.0.1:{port}/sensu is unavailable", line, StringComparison.Ordinal);
        Assert.DoesNotContain(password, line + output, StringComparison.Ordinal);
    }

    private async Task<(int Code, string Output, string Error)> MigrateAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = DotnetChild.StartInfo(BackendLocator.Find(), _root.FullName, ["migrate-store", .. arguments]);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static async Task SendAsync(HttpClient api, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var answer = await api.SendAsync(request);
        Assert.True(answer.IsSuccessStatusCode, $"{method} {path} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }

    private static async Task<HttpClient> ClientAsync(BackendProcess backend, string username, string password)
    {
        var client = new HttpClient { BaseAddress = backend.ApiUrl };
        using var auth = new HttpRequestMessage(HttpMethod.Get, "/auth");
        auth.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        using var answer = await client.SendAsync(auth);
        Assert.True(answer.IsSuccessStatusCode, $"login of {username} answered {(int)answer.StatusCode}");
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        return client;
    }
}
