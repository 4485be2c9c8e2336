using System.CommandLine;

namespace Sensu.LoadTool;

/// <summary>
/// <c>sensu-load</c>: N simulated agents against a running backend. Examples (bench/README.md):
/// <c>sensu-load --agents 1000 --rate 10000 --duration 60 --backend-pid $PID</c> (throughput) and
/// <c>sensu-load --agents 5000 --rate 0 --keepalive-interval 20 --duration 600 --backend-pid $PID</c> (keepalive soak).
/// </summary>
public static class Program
{
    public const string LatencyHandler = "load-latency";

    public static async Task<int> Main(string[] args)
    {
        var backendUrl = new Option<string>("--backend-url") { Description = "agent WebSocket URL", DefaultValueFactory = _ => "ws://127.0.0.1:8081" };
        var apiUrl = new Option<string>("--api-url") { Description = "backend API URL", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var ns = new Option<string>("--namespace") { Description = "namespace of the agents", DefaultValueFactory = _ => "default" };
        var agentUser = new Option<string>("--user") { Description = "agent user", DefaultValueFactory = _ => "agent" };
        var agentPassword = new Option<string>("--password") { Description = "agent password", DefaultValueFactory = _ => "P@ssw0rd!" };
        var adminUser = new Option<string>("--admin-user") { Description = "API user for set-up and read-back", DefaultValueFactory = _ => "admin" };
        var adminPassword = new Option<string>("--admin-password") { Description = "its password", DefaultValueFactory = _ => "P@ssw0rd!" };
        var agents = new Option<int>("--agents") { Description = "simulated agents", DefaultValueFactory = _ => 100 };
        var rate = new Option<double>("--rate") { Description = "check results per second, all agents together (0: keepalives only)", DefaultValueFactory = _ => 0 };
        var keepaliveInterval = new Option<int>("--keepalive-interval") { Description = "seconds between keepalives", DefaultValueFactory = _ => 20 };
        var keepaliveTimeout = new Option<int>("--keepalive-timeout") { Description = "keepalive warning timeout, seconds", DefaultValueFactory = _ => 120 };
        var duration = new Option<int>("--duration") { Description = "measured seconds", DefaultValueFactory = _ => 60 };
        var warmup = new Option<int>("--warmup") { Description = "seconds between the last connection and the measurement", DefaultValueFactory = _ => 5 };
        var connectRate = new Option<int>("--connect-rate") { Description = "new connections per second", DefaultValueFactory = _ => 200 };
        var sample = new Option<int>("--latency-sample") { Description = "one result in N carries the latency handler", DefaultValueFactory = _ => 100 };
        var via = new Option<string>("--via") { Description = "agents (WebSocket sessions) or api (POST /events)", DefaultValueFactory = _ => "agents" };
        via.AcceptOnlyFromAmong("agents", "api");
        var pid = new Option<int>("--backend-pid") { Description = "backend process id, for CPU and RSS", DefaultValueFactory = _ => 0 };

        var root = new RootCommand("Simulated Sensu agents over the real agent protocol: throughput, latency, keepalive soak");
        foreach (var option in new Option[] { backendUrl, apiUrl, ns, agentUser, agentPassword, adminUser, adminPassword, agents, rate, keepaliveInterval, keepaliveTimeout, duration, warmup, connectRate, sample, via, pid })
            root.Options.Add(option);
        root.SetAction(async (result, ct) =>
        {
            var options = new LoadOptions
            {
                BackendUrl = new Uri(result.GetValue(backendUrl)!),
                ApiUrl = new Uri(result.GetValue(apiUrl)!),
                Namespace = result.GetValue(ns)!,
                AgentUser = result.GetValue(agentUser)!,
                AgentPassword = result.GetValue(agentPassword)!,
                AdminUser = result.GetValue(adminUser)!,
                AdminPassword = result.GetValue(adminPassword)!,
                Agents = result.GetValue(agents),
                Rate = result.GetValue(rate),
                KeepaliveInterval = result.GetValue(keepaliveInterval),
                KeepaliveTimeout = result.GetValue(keepaliveTimeout),
                Duration = result.GetValue(duration),
                Warmup = result.GetValue(warmup),
                ConnectRate = result.GetValue(connectRate),
                LatencySample = Math.Max(1, result.GetValue(sample)),
                BackendPid = result.GetValue(pid),
                Via = result.GetValue(via)!,
            };
            using var api = new BackendApi(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }), options, TimeProvider.System);
            var report = await new LoadRun(options, api, TimeProvider.System).RunAsync(ct).ConfigureAwait(false);
            report.Print();
            return 0;
        });
        root.Subcommands.Add(LoginFloodCommand());
        var events = new Option<int>("--events") { Description = "events to seed through the API first (0: none)", DefaultValueFactory = _ => 0 };
        var lists = new Option<int>("--lists") { Description = "concurrent unpaginated event lists to read (0: seed only)", DefaultValueFactory = _ => 3 };
        var listMemory = new Command("list-memory", "Backend RSS while unpaginated event lists are read (issue 16 point 6)");
        foreach (var option in new Option[] { apiUrl, ns, adminUser, adminPassword, pid, events, lists })
            listMemory.Options.Add(option);
        listMemory.SetAction(async (result, ct) =>
        {
            var options = new LoadOptions
            {
                ApiUrl = new Uri(result.GetValue(apiUrl)!),
                Namespace = result.GetValue(ns)!,
                AdminUser = result.GetValue(adminUser)!,
                AdminPassword = result.GetValue(adminPassword)!,
                BackendPid = result.GetValue(pid),
            };
            using var api = new BackendApi(new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = Timeout.InfiniteTimeSpan }, options, TimeProvider.System);
            var run = new ListMemoryRun(api, options, TimeProvider.System);
            if (result.GetValue(events) > 0)
                await run.SeedAsync(result.GetValue(events), ct).ConfigureAwait(false);
            if (result.GetValue(lists) > 0)
                await run.MeasureAsync(result.GetValue(lists), ct).ConfigureAwait(false);
            return 0;
        });
        root.Subcommands.Add(listMemory);
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    /// <summary><c>sensu-load login-flood</c>: API latency while clients flood <c>/auth</c> with wrong passwords (issue 16).</summary>
    private static Command LoginFloodCommand()
    {
        var apiUrl = new Option<string>("--api-url") { Description = "backend API URL", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var adminUser = new Option<string>("--admin-user") { Description = "user of the probe", DefaultValueFactory = _ => "admin" };
        var adminPassword = new Option<string>("--admin-password") { Description = "its password", DefaultValueFactory = _ => "P@ssw0rd!" };
        var clients = new Option<int>("--clients") { Description = "concurrent flooding clients", DefaultValueFactory = _ => 16 };
        var addresses = new Option<int>("--addresses") { Description = "loopback source addresses the flood rotates through (1: all from 127.0.0.1)", DefaultValueFactory = _ => 4000 };
        var rounds = new Option<int>("--rounds") { Description = "idle + flood rounds", DefaultValueFactory = _ => 3 };
        var phase = new Option<int>("--phase-seconds") { Description = "seconds per phase", DefaultValueFactory = _ => 10 };
        var command = new Command("login-flood", "Latency of GET /api/core/v2/namespaces while clients flood /auth with wrong passwords, vs idle");
        foreach (var option in new Option[] { apiUrl, adminUser, adminPassword, clients, addresses, rounds, phase })
            command.Options.Add(option);
        command.SetAction(async (result, ct) => await new LoginFloodRun(new LoginFloodOptions
        {
            ApiUrl = new Uri(result.GetValue(apiUrl)!),
            AdminUser = result.GetValue(adminUser)!,
            AdminPassword = result.GetValue(adminPassword)!,
            Clients = result.GetValue(clients),
            Addresses = Math.Max(1, result.GetValue(addresses)),
            Rounds = Math.Max(1, result.GetValue(rounds)),
            PhaseSeconds = Math.Max(1, result.GetValue(phase)),
        }).RunAsync(ct).ConfigureAwait(false));
        return command;
    }
}
