using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Sensu.IntegrationTests.Agent;
using Sensu.IntegrationTests.Backend;
using Sensu.Testing.Postgres;
using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Cluster;

/// <summary>
/// Issue 19, failover and fault acceptance: two real backends writing events (a steady load of POSTs through both)
/// while their PostgreSQL server goes away. Whatever happens, the backends stay up, every POST is answered (201, or
/// 503 with a JSON message — no reset connection, no crash), they write again on their own once a server is back,
/// and every event they acknowledged is still readable. Each test has its own servers (they are stopped).
/// </summary>
public sealed class StoreFailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task A_promoted_synchronous_standby_takes_over_and_no_acknowledged_write_is_lost()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var primary = await PostgresServer.StartAsync(
            new Dictionary<string, string> { ["wal_level"] = "replica", ["synchronous_standby_names"] = "*" }, timeout.Token);
        var database = new NpgsqlConnectionStringBuilder(await primary.CreateDatabaseAsync(timeout.Token));
        await using var standby = await PostgresServer.StartStandbyAsync(primary, "sensu_standby", null, timeout.Token);
        await WaitAsync(() => SynchronousStandbyAsync(primary, timeout.Token), "the standby replicating synchronously");

        // Both servers in one DSN; only the primary takes sessions; a host found unusable is tried again after 1s.
        var dsn = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = $"127.0.0.1:{primary.Port},127.0.0.1:{standby.Port}",
            TargetSessionAttributes = "primary",
            HostRecheckSeconds = 1,
        };
        dsn.Remove("Port");
        await RunUnderLoadAsync(dsn.ConnectionString, async load =>
        {
            await primary.StopAsync(timeout.Token);
            await standby.PromoteAsync(timeout.Token);
        }, () => primary.Log + "\n--- standby\n" + standby.Log, timeout.Token);
    }

    [PostgresFact]
    public async Task The_backends_recover_on_their_own_when_the_database_restarts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var server = await PostgresServer.StartAsync(null, timeout.Token);
        var dsn = await server.CreateDatabaseAsync(timeout.Token);
        await RunUnderLoadAsync(dsn, async load =>
        {
            var answered = load.Answered;
            await server.StopAsync(timeout.Token);
            // The load meets the stopped server before it comes back.
            await WaitAsync(() => Task.FromResult(load.Answered >= answered + 4), "answers while the database is down");
            await server.RestartAsync(timeout.Token);
        }, () => server.Log, timeout.Token);
    }

    /// <summary>
    /// Two backends on <paramref name="dsn"/> under load; <paramref name="fault"/> breaks and restores the database;
    /// then each backend must acknowledge writes again, and every acknowledged event must be readable.
    /// </summary>
    private async Task RunUnderLoadAsync(string dsn, Func<EventLoad, Task> fault, Func<string> serverLog, CancellationToken cancellationToken)
    {
        var backends = await ClusterBackends.StartAsync(dsn, 2, cancellationToken);
        EventLoad? load = null;
        try
        {
            load = await EventLoad.StartAsync(backends, cancellationToken);
            await WaitAsync(() => Task.FromResult(load.AcknowledgedBy(0) >= 10 && load.AcknowledgedBy(1) >= 10), "writes before the fault");

            await fault(load);
            var after = Enumerable.Range(0, 2).Select(load.AcknowledgedBy).ToArray();
            await WaitAsync(() => Task.FromResult(load.AcknowledgedBy(0) >= after[0] + 10 && load.AcknowledgedBy(1) >= after[1] + 10), "writes acknowledged again by both backends");
            await load.StopAsync();

            Assert.All(backends, b => Assert.False(b.HasExited));
            Assert.Empty(load.Failures);
            foreach (var (backend, status, body) in load.Refusals)
            {
                Assert.True(status == HttpStatusCode.ServiceUnavailable, $"backend {backend + 1} answered {(int)status}: {body}");
                Assert.False(string.IsNullOrWhiteSpace(JsonNode.Parse(body)?["message"]?.GetValue<string>()), $"no message in {body}");
            }
            using var api = await SensuApi.LoginAsync(backends[1]);
            var stored = (await api.GetAsync("/api/core/v2/namespaces/default/events"))!.AsArray()
                .Where(e => e!["entity"]!["metadata"]!["name"]!.GetValue<string>() == EventLoad.Entity)
                .Select(e => e!["check"]!["metadata"]!["name"]!.GetValue<string>())
                .ToHashSet(StringComparer.Ordinal);
            Assert.DoesNotContain(load.Acknowledged, a => !stored.Contains(a.Name));
            output.WriteLine($"acknowledged {load.Acknowledged.Count}, refused {load.Refusals.Count} (503): {load.Refusals.FirstOrDefault().Body}");
        }
        catch
        {
            output.WriteLine(string.Join('\n', load?.Failures.Take(20).Select(f => $"failure b{f.Backend + 1}: {f.Error}") ?? []));
            output.WriteLine(string.Join('\n', load?.Refusals.Take(20).Select(f => $"refusal b{f.Backend + 1}: {(int)f.Status} {f.Body}") ?? []));
            for (var i = 0; i < backends.Count; i++)
                output.WriteLine($"--- backend {i + 1}\n{backends[i].Log.Tail(6000)}");
            output.WriteLine($"--- postgres\n{serverLog()}");
            throw;
        }
        finally
        {
            if (load is not null)
                await load.DisposeAsync();
            await ClusterBackends.DisposeAsync(backends);
        }
    }

    private static async Task<bool> SynchronousStandbyAsync(PostgresServer primary, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(primary.ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! > 0;
    }

    private static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Wait)
                throw new TimeoutException($"not reached within {Wait}: {what}");
            await Task.Delay(100);
        }
    }
}
