using System.Net;
using System.Text.Json.Nodes;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Agent;

/// <summary>
/// The real sensu-agent against the real sensu-backend, both as processes (issue 6 acceptance). Each test uses its own
/// subscription and check names on one shared backend.
/// </summary>
public sealed class AgentEndToEndTests(BackendFixture fixture, ITestOutputHelper output) : IClassFixture<BackendFixture>, IDisposable
{
    private const string Events = "/api/core/v2/namespaces/default/events";
    private const string Checks = "/api/core/v2/namespaces/default/checks";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    private readonly string _dir = Directory.CreateTempSubdirectory("agent-e2e-").FullName;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(3));

    private BackendProcess Backend => fixture.Backend;

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

    private Task<AgentProcess> StartAgentAsync(string name, params string[] args) =>
        AgentProcess.StartAsync(Backend.AgentUrl, name, args, _timeout.Token);

    private static string CheckJson(string name, string command, string subscription, string extra = "") => $$"""
        {"metadata":{"name":"{{name}}","namespace":"default"},"command":{{JsonValue.Create(command).ToJsonString()}},
         "subscriptions":["{{subscription}}"],"interval":1,"publish":true{{extra}}}
        """;

    private void Dump(params AgentProcess[] agents)
    {
        foreach (var agent in agents)
            output.WriteLine($"--- agent {agent.Name}\n{agent.Log.Tail(4000)}");
        output.WriteLine($"--- backend\n{Backend.Log.Tail(6000)}");
    }

    [Fact]
    public async Task Subscribed_check_runs_on_schedule_and_its_event_reaches_a_handler()
    {
        using var api = await SensuApi.LoginAsync(Backend);
        var handled = Path.Combine(_dir, "handled.json");
        await api.PutAsync("/api/core/v2/namespaces/default/handlers/e2e-file",
            $$"""{"metadata":{"name":"e2e-file","namespace":"default"},"type":"pipe","command":"cat >> {{handled}}"}""");
        await using var agent = await StartAgentAsync("e2e-sched", "--subscriptions", "e2e-sched-sub");
        await api.PutAsync($"{Checks}/e2e-sched-check",
            CheckJson("e2e-sched-check", "echo scheduled on {{ .name }}", "e2e-sched-sub", ",\"handlers\":[\"e2e-file\"]"));

        var ev = await api.WaitForAsync($"{Events}/e2e-sched/e2e-sched-check", e => e["check"]?["output"] is not null, Wait);
        if (ev is null)
            Dump(agent);

        Assert.NotNull(ev);
        Assert.Equal("scheduled on e2e-sched\n", ev["check"]!["output"]!.GetValue<string>());
        Assert.Equal("e2e-sched", ev["check"]!["processed_by"]!.GetValue<string>());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Wait && !(File.Exists(handled) && (await File.ReadAllTextAsync(handled)).Contains("scheduled on e2e-sched", StringComparison.Ordinal)))
            await Task.Delay(250);
        Assert.True(File.Exists(handled), "the pipe handler never ran");
    }

    [Fact]
    public async Task Stopped_agent_turns_into_a_keepalive_warning()
    {
        using var api = await SensuApi.LoginAsync(Backend);
        var agent = await StartAgentAsync("e2e-ka", "--keepalive-warning-timeout", "3");
        await using (agent)
        {
            var alive = await api.WaitForAsync($"{Events}/e2e-ka/keepalive", e => e["check"]?["status"]?.GetValue<int>() == 0, Wait);
            Assert.NotNull(alive);
            var exit = await agent.StopAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, exit);
        }

        var warning = await api.WaitForAsync($"{Events}/e2e-ka/keepalive", e => e["check"]?["status"]?.GetValue<int>() == 1, Wait);
        if (warning?["check"]?["status"]?.GetValue<int>() != 1)
            Dump(agent);

        Assert.Equal(1, warning!["check"]!["status"]!.GetValue<int>());
        Assert.StartsWith("No keepalive sent from e2e-ka", warning["check"]!["output"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_robin_spreads_one_check_across_three_agents()
    {
        using var api = await SensuApi.LoginAsync(Backend);
        var ran = Path.Combine(_dir, "rr.txt");
        await using var a = await StartAgentAsync("e2e-rr-a", "--subscriptions", "e2e-rr");
        await using var b = await StartAgentAsync("e2e-rr-b", "--subscriptions", "e2e-rr");
        await using var c = await StartAgentAsync("e2e-rr-c", "--subscriptions", "e2e-rr");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await api.PutAsync($"{Checks}/e2e-rr-check", CheckJson("e2e-rr-check", "echo {{ .name }} >> " + ran, "e2e-rr", ",\"round_robin\":true"));

        string[] lines = [];
        while (clock.Elapsed < Wait)
        {
            lines = File.Exists(ran) ? await File.ReadAllLinesAsync(ran) : [];
            if (lines.Distinct().Count() == 3 && lines.Length >= 6)
                break;
            await Task.Delay(250);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Join(" ", lines));
        if (lines.Distinct().Count() < 3)
            Dump(a, b, c);

        Assert.Equal(["e2e-rr-a", "e2e-rr-b", "e2e-rr-c"], lines.Distinct().Order());
        Assert.True(lines.Length <= seconds + 2, $"{lines.Length} executions in {seconds:F1} s: more than one agent per tick");
    }

    [Fact]
    public async Task Proxy_check_runs_once_per_matching_entity_with_its_tokens()
    {
        using var api = await SensuApi.LoginAsync(Backend);
        foreach (var name in new[] { "e2e-proxy-1", "e2e-proxy-2" })
            await api.PutAsync($"/api/core/v2/namespaces/default/entities/{name}",
                $$$"""{"metadata":{"name":"{{{name}}}","namespace":"default","labels":{"e2e":"proxy"}},"entity_class":"proxy"}""");
        await using var agent = await StartAgentAsync("e2e-proxy-agent", "--subscriptions", "e2e-proxy");
        await api.PutAsync($"{Checks}/e2e-proxy-check", CheckJson("e2e-proxy-check", "echo probing {{ .name }}", "e2e-proxy",
            ",\"proxy_requests\":{\"entity_attributes\":[\"entity.entity_class == 'proxy'\",\"entity.labels.e2e == 'proxy'\"]}"));

        foreach (var name in new[] { "e2e-proxy-1", "e2e-proxy-2" })
        {
            var ev = await api.WaitForAsync($"{Events}/{name}/e2e-proxy-check", e => e["check"]?["output"] is not null, Wait);
            if (ev is null)
                Dump(agent);
            Assert.NotNull(ev);
            Assert.Equal($"probing {name}\n", ev["check"]!["output"]!.GetValue<string>());
        }
        Assert.Null(await api.GetAsync($"{Events}/e2e-proxy-agent/e2e-proxy-check"));
    }

    [Fact]
    public async Task Ad_hoc_execution_runs_once()
    {
        using var api = await SensuApi.LoginAsync(Backend);
        await using var agent = await StartAgentAsync("e2e-adhoc", "--subscriptions", "e2e-adhoc-sub");
        await api.PutAsync($"{Checks}/e2e-adhoc-check",
            """{"metadata":{"name":"e2e-adhoc-check","namespace":"default"},"command":"echo on demand","subscriptions":["e2e-adhoc-sub"],"interval":3600,"publish":false}""");

        var status = await api.PostAsync($"{Checks}/e2e-adhoc-check/execute", """{"check":"e2e-adhoc-check"}""");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var ev = await api.WaitForAsync($"{Events}/e2e-adhoc/e2e-adhoc-check", e => e["check"]?["output"] is not null, Wait);
        if (ev is null)
            Dump(agent);
        Assert.NotNull(ev);
        await Task.Delay(TimeSpan.FromSeconds(4));

        var after = await api.GetAsync($"{Events}/e2e-adhoc/e2e-adhoc-check");
        Assert.Equal("on demand\n", after!["check"]!["output"]!.GetValue<string>());
        Assert.Single(after["check"]!["history"]!.AsArray());
    }

    [Fact]
    public async Task Check_with_secrets_reaches_a_password_agent_without_the_value()
    {
        using var api = await SensuApi.LoginAsync(Backend);
        await api.PutAsync("/api/enterprise/secrets/v1/namespaces/default/secrets/e2e-home",
            """{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"e2e-home","namespace":"default"},"spec":{"id":"HOME","provider":"env"}}""");
        await using var agent = await StartAgentAsync("e2e-secret-pw", "--subscriptions", "e2e-secret");
        await api.PutAsync($"{Checks}/e2e-secret-check", CheckJson("e2e-secret-check", "echo \"token=[$E2E_TOKEN]\"", "e2e-secret",
            ",\"secrets\":[{\"name\":\"E2E_TOKEN\",\"secret\":\"e2e-home\"}]"));

        var ev = await api.WaitForAsync($"{Events}/e2e-secret-pw/e2e-secret-check", e => e["check"]?["output"] is not null, Wait);
        if (ev is null)
            Dump(agent);

        Assert.NotNull(ev);
        Assert.Equal("token=[]\n", ev["check"]!["output"]!.GetValue<string>());
    }
}
