using System.Text.Json;
using System.Text.RegularExpressions;
using Sensu.IntegrationTests.Agent;
using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Logging;

/// <summary>
/// Issue 21, deliverable 2: the real backend and agent write Sensu's JSON lines by default (every line parses, with
/// <c>component</c>, <c>level</c>, <c>msg</c> and <c>time</c>), log their listeners as bound and the agent's connection,
/// and say why a session closed; <c>--log-format text</c> writes one human line per entry.
/// </summary>
public sealed partial class LogFormatTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Every_line_of_a_run_is_a_sensu_json_entry()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var backend = await BackendProcess.StartAsync(timeout.Token);
        using var api = await SensuApi.LoginAsync(backend);
        await api.PutAsync("/api/core/v2/namespaces/default/checks/log-check", """
            {"metadata":{"name":"log-check","namespace":"default"},"command":"echo logged","subscriptions":["log-sub"],"interval":1,"publish":true}
            """);
        var agent = await AgentProcess.StartAsync(backend.AgentUrl, "log-agent", ["--subscriptions", "log-sub"], timeout.Token);
        await using (agent)
        {
            var ev = await api.WaitForAsync("/api/core/v2/namespaces/default/events/log-agent/log-check", e => e["check"]?["output"]?.GetValue<string>() == "logged\n", Wait);
            Assert.NotNull(ev);
            Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(30)));
            await WaitForAsync(() => Entries(backend.Log).Any(e => Msg(e).Contains("agent log-agent session", StringComparison.Ordinal) && Msg(e).Contains("closed", StringComparison.Ordinal)), "the session's end", timeout.Token);

            output.WriteLine($"--- backend\n{backend.Log.Tail(6000)}\n--- agent\n{agent.Log.Tail(4000)}");
            var backendEntries = Entries(backend.Log);
            var agentEntries = Entries(agent.Log);
            foreach (var entry in backendEntries.Concat(agentEntries))
            {
                Assert.False(string.IsNullOrEmpty(entry.GetProperty("component").GetString()));
                Assert.Contains(entry.GetProperty("level").GetString(), (string[])["trace", "debug", "info", "warning", "error", "fatal"]);
                Assert.False(string.IsNullOrEmpty(Msg(entry)));
                Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$", entry.GetProperty("time").GetString()!);
            }

            var api1 = Assert.Single(backendEntries, e => Msg(e).StartsWith("API listener started on ", StringComparison.Ordinal));
            Assert.Equal("apid", api1.GetProperty("component").GetString());
            Assert.Equal($"http://127.0.0.1:{backend.ApiUrl.Port}", api1.GetProperty("address").GetString());
            var agentd = Assert.Single(backendEntries, e => Msg(e).StartsWith("agent listener started on ", StringComparison.Ordinal));
            Assert.Equal($"ws://127.0.0.1:{backend.AgentPort}", agentd.GetProperty("address").GetString());
            Assert.Single(backendEntries, e => Msg(e).StartsWith("dashboard listener started on http://127.0.0.1:", StringComparison.Ordinal));
            var opened = Assert.Single(backendEntries, e => Msg(e).StartsWith("agent log-agent connected", StringComparison.Ordinal));
            Assert.Equal("agentd", opened.GetProperty("component").GetString());
            var closed = Assert.Single(backendEntries, e => Msg(e).StartsWith("agent log-agent session", StringComparison.Ordinal));
            // The agent's side ended (its close frame, or its connection dropping as it exits): never "backend stopping".
            var reason = closed.GetProperty("reason").GetString()!;
            Assert.Matches("^(connection closed by the agent|connection lost: )", reason);
            var connected = Assert.Single(agentEntries, e => Msg(e).StartsWith("connected to backend ", StringComparison.Ordinal));
            Assert.Equal("agent", connected.GetProperty("component").GetString());
            Assert.Equal("info", connected.GetProperty("level").GetString());
        }
    }

    [Fact]
    public async Task Text_format_is_one_human_line_per_entry()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var backend = await BackendProcess.StartAsync(["--log-format", "text"], new Dictionary<string, string>(), timeout.Token);
        await WaitForAsync(() => backend.Log.Text().Contains("API listener started on", StringComparison.Ordinal), "the API listener's line", timeout.Token);

        var lines = Lines(backend.Log).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Matches(TextLine(), line));
        Assert.Contains(lines, l => Regex.IsMatch(l, $@" info +\[apid\] API listener started on http://127\.0\.0\.1:{backend.ApiUrl.Port} "));
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d (trace|debug|info|warning|error|fatal) *\[[a-z]+\] \S")]
    private static partial Regex TextLine();

    private static string Msg(JsonElement entry) => entry.GetProperty("msg").GetString() ?? string.Empty;

    /// <summary>The process's lines without the capture's <c>out| </c>/<c>err| </c> prefix.</summary>
    private static IEnumerable<string> Lines(ProcessLog log) =>
        log.Text().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.TrimEnd('\r'))
            .Select(l => l.Length > 5 && l[3] == '|' ? l[5..] : l);

    /// <summary>Every line parsed as one JSON object (a line that is not fails the test).</summary>
    private static List<JsonElement> Entries(ProcessLog log) =>
        Lines(log).Select(line =>
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
                return json.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"not a JSON line: {line} ({ex.Message})");
            }
        }).ToList();

    private static async Task WaitForAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = Environment.TickCount64 + (long)Wait.TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
                throw new TimeoutException("not seen in time: " + what);
            await Task.Delay(100, cancellationToken);
        }
    }
}
