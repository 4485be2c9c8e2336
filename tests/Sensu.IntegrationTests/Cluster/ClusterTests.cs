using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Sensu.IntegrationTests.Agent;
using Sensu.IntegrationTests.Backend;
using Sensu.Testing.Postgres;
using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Cluster;

/// <summary>
/// Issue 19, cluster acceptance: three real backends on one PostgreSQL database, three real agents each started on a
/// different backend (all three URLs given), a check created through backend 1 with a handler that writes each event
/// it handles to its own file. The check runs once per interval per agent (no interval twice, none skipped), its
/// events are visible through backend 3; then backend 2 is killed (SIGKILL): its agent carries on through another
/// backend, no keepalive alert is raised for any agent, and every event acknowledged with 201 is still there.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Interval = 5;
    private const int KeepaliveTimeout = 10;
    private const string Events = "/api/core/v2/namespaces/default/events";

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

    [PostgresFact(Skip = "Fails today (issue 19, open): with three backend processes on one database every agent reports the scheduled check request twice within a second ('check is already in progress'), and one agent was alerted by keepalive while its WebSocket was aborted; the in-process cluster tests (Sensu.Backend.Tests/Cluster) pass. Kept to be made green, not dropped.")]
    public async Task Three_backends_run_a_check_once_per_interval_and_lose_nothing_when_one_is_killed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var wait = TimeSpan.FromSeconds(120);
        var dsn = await _server!.CreateDatabaseAsync(timeout.Token);
        var records = Directory.CreateTempSubdirectory("sensu-cluster-events-").FullName;
        var backends = await ClusterBackends.StartAsync(dsn, 3, timeout.Token);
        var agents = new List<AgentProcess>();
        EventLoad? load = null;
        try
        {
            for (var i = 0; i < 3; i++)
            {
                // Each agent starts on backend i, then knows the other two.
                var others = backends.Where((_, j) => j != i).SelectMany(b => new[] { "--backend-url", b.AgentUrl.ToString().TrimEnd('/') });
                agents.Add(await AgentProcess.StartAsync(backends[i].AgentUrl, AgentName(i),
                    others.Concat(["--subscriptions", "cluster-all", "--keepalive-warning-timeout", KeepaliveTimeout.ToString(CultureInfo.InvariantCulture)]),
                    timeout.Token));
            }
            using var first = await SensuApi.LoginAsync(backends[0]);
            using var third = await SensuApi.LoginAsync(backends[2]);
            load = await EventLoad.StartAsync(backends, timeout.Token);

            await first.PutAsync("/api/core/v2/namespaces/default/handlers/record",
                $$"""{"metadata":{"name":"record","namespace":"default"},"type":"pipe","command":"cat > {{records}}/$(date +%s%N)-$$.json"}""");
            await first.PutAsync("/api/core/v2/namespaces/default/checks/cluster-check",
                $$"""{"metadata":{"name":"cluster-check","namespace":"default"},"command":"echo ok","interval":{{Interval}},"subscriptions":["cluster-all"],"publish":true,"handlers":["record"]}""");

            // Six executions per agent: at least five intervals between the first and the last.
            await WaitAsync(() => Enumerable.Range(0, 3).All(i => Issued(records, AgentName(i)).Count >= 6), wait, "six executions per agent");
            foreach (var (agent, issued) in Enumerable.Range(0, 3).Select(i => (AgentName(i), Issued(records, AgentName(i)))))
                AssertOncePerInterval(agent, issued);
            for (var i = 0; i < 3; i++)
                Assert.NotNull(await third.GetAsync($"{Events}/{AgentName(i)}/cluster-check"));

            var killedAt = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
            var clock = Stopwatch.StartNew();
            await backends[1].KillAsync(timeout.Token);
            var keepaliveStatuses = new List<string>();
            // Carries on: the killed backend's agent sends keepalives through another backend; every agent's check
            // keeps running; and the time in which a keepalive alert would have been raised (timeout plus a member
            // ttl, the leader's view of a lost backend) has passed.
            await WaitAsync(async () =>
            {
                foreach (var api in new[] { first, third })
                {
                    for (var i = 0; i < 3; i++)
                    {
                        if (await api.GetAsync($"{Events}/{AgentName(i)}/keepalive") is { } keepalive && Status(keepalive) != 0)
                            keepaliveStatuses.Add($"{AgentName(i)}: {keepalive.ToJsonString()}");
                    }
                }
                var moved = await first.GetAsync($"{Events}/{AgentName(1)}/keepalive") is { } k && k["timestamp"]!.GetValue<long>() > killedAt + 1;
                var running = Enumerable.Range(0, 3).All(i => Issued(records, AgentName(i)).Count(t => t > killedAt + 1) >= 3);
                return moved && running && clock.Elapsed > TimeSpan.FromSeconds(KeepaliveTimeout + 4);
            }, wait, "agent 2 on another backend and three more executions per agent");
            await load.StopAsync();

            Assert.Empty(keepaliveStatuses);
            for (var i = 0; i < 3; i++)
            {
                var keepalive = await third.GetAsync($"{Events}/{AgentName(i)}/keepalive");
                Assert.NotNull(keepalive);
                Assert.All(keepalive["check"]!["history"]!.AsArray(), h => Assert.Equal(0, h!["status"]!.GetValue<int>()));
                // A killed leader's schedules resume once its lease expires: an interval may be skipped, none doubled.
                AssertOncePerInterval(AgentName(i), Issued(records, AgentName(i)), allowSkips: true);
            }
            Assert.True(agents.All(a => !a.HasExited));
            Assert.True(agents[1].Log.Tail(20000).Contains(backends[0].AgentUrl.ToString().TrimEnd('/'), StringComparison.Ordinal)
                || agents[1].Log.Tail(20000).Contains(backends[2].AgentUrl.ToString().TrimEnd('/'), StringComparison.Ordinal));

            // Every acknowledged event is there, read through backend 3; the live backends answered every request.
            var stored = (await third.GetAsync(Events))!.AsArray()
                .Where(e => e!["entity"]!["metadata"]!["name"]!.GetValue<string>() == EventLoad.Entity)
                .Select(e => e!["check"]!["metadata"]!["name"]!.GetValue<string>())
                .ToHashSet(StringComparer.Ordinal);
            Assert.NotEmpty(load.Acknowledged);
            Assert.DoesNotContain(load.Acknowledged, a => !stored.Contains(a.Name));
            Assert.DoesNotContain(load.Failures, f => f.Backend != 1);
            Assert.Empty(load.Refusals);
            output.WriteLine($"acknowledged {load.Acknowledged.Count} events; {load.Failures.Count} requests to the killed backend got no answer");
        }
        catch
        {
            output.WriteLine(string.Join('\n', load?.Failures.Select(f => $"failure b{f.Backend + 1}: {f.Error}") ?? []));
            output.WriteLine(string.Join('\n', load?.Refusals.Select(f => $"refusal b{f.Backend + 1}: {(int)f.Status} {f.Body}") ?? []));
            for (var i = 0; i < backends.Count; i++)
                output.WriteLine($"--- backend {i + 1}\n{backends[i].Log.Tail(5000)}");
            foreach (var agent in agents)
                output.WriteLine($"--- agent {agent.Name}\n{agent.Log.Tail(3000)}");
            throw;
        }
        finally
        {
            if (load is not null)
                await load.DisposeAsync();
            foreach (var agent in agents)
                await agent.DisposeAsync();
            await ClusterBackends.DisposeAsync(backends);
            Directory.Delete(records, recursive: true);
        }
    }

    private static string AgentName(int index) => "cluster-agent-" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static int Status(JsonNode ev) => ev["check"]?["status"]?.GetValue<int>() ?? 0;

    /// <summary>The <c>check.issued</c> of every handled execution of the check on <paramref name="agent"/>, duplicates kept, in order.</summary>
    private static List<long> Issued(string directory, string agent)
    {
        var issued = new List<long>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            JsonNode? ev;
            try
            {
                ev = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // still being written
            }
            if (ev?["entity"]?["metadata"]?["name"]?.GetValue<string>() == agent)
                issued.Add(ev["check"]!["issued"]!.GetValue<long>());
        }
        issued.Sort();
        return issued;
    }

    /// <summary>One execution per issue (no request run twice), issues an interval apart (give or take a second of timer slack): none doubled, none skipped.</summary>
    private static void AssertOncePerInterval(string agent, List<long> issued, bool allowSkips = false)
    {
        Assert.True(issued.Distinct().Count() == issued.Count, $"{agent}: a check request ran twice: {string.Join(',', issued)}");
        var gaps = issued.Zip(issued.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.All(g => g >= Interval - 1 && (allowSkips || g <= Interval + 1)), $"{agent}: issued {string.Join(',', issued)}");
        Assert.True(issued[^1] - issued[0] >= (issued.Count - 1) * Interval - 1, $"{agent}: more than one execution per interval: {string.Join(',', issued)}");
    }

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what) =>
        await WaitAsync(() => Task.FromResult(condition()), timeout, what);

    private static async Task WaitAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"not reached within {timeout}: {what}");
            await Task.Delay(250);
        }
    }
}
