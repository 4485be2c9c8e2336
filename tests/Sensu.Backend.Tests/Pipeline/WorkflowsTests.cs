using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Tests.Secrets;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline;

/// <summary>
/// Pipeline resources, custom JavaScript filters, pipe and JavaScript mutators, the isolate error rule, the event log
/// file and <c>/metrics</c>, on a real backend.
/// </summary>
public sealed class WorkflowsTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sensu-workflows-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _logs = new();
    private TestBackend _backend = null!;
    private HttpClient _client = null!;

    private string EventLog => Path.Combine(_dir, "events.log");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _backend = await TestBackend.StartAsync(o =>
        {
            o.LogLevel = "info";
            o.PipelinedWorkers = 2;
            o.EventLogFile = EventLog;
        });
        _backend.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        _client = await _backend.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _backend.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task Pipeline_resource_runs_its_workflows_and_a_denying_filter_stops_only_its_own()
    {
        var first = Path.Combine(_dir, "first");
        var second = Path.Combine(_dir, "second");
        await PutAsync<EventFilter>("filters", "ops-only", """{"action":"allow","expressions":["event.check.labels.team == 'ops'"]}""");
        await PutAsync<EventFilter>("filters", "no-web2", """{"action":"deny","expressions":["event.entity.name == 'web2'","event.check.status == 9"]}""");
        await PutAsync<Mutator>("mutators", "shout", """{"type":"javascript","eval":"return event.check.output.toUpperCase() + ' from ' + event.entity.metadata.name;"}""");
        await PutAsync<Handler>("handlers", "first", Append(first));
        await PutAsync<Handler>("handlers", "second", Append(second));
        await PutAsync<Sensu.Core.Resources.Core.Pipeline>("pipelines", "two", """
            {"workflows":[
              {"name":"ops","filters":[{"name":"ops-only","type":"EventFilter","api_version":"core/v2"}],"handler":{"name":"first","type":"Handler","api_version":"core/v2"}},
              {"name":"all","filters":[{"name":"is_incident","type":"EventFilter","api_version":"core/v2"},{"name":"no-web2","type":"EventFilter","api_version":"core/v2"}],
               "mutator":{"name":"shout","type":"Mutator","api_version":"core/v2"},"handler":{"name":"second","type":"Handler","api_version":"core/v2"}}]}
            """);

        await PutEventAsync("web1", "disk", 2, "disk full", pipelines: "two");
        Assert.Contains("DISK FULL from web1", await PipelineHarness.WaitForFileAsync(second, "web1"), StringComparison.Ordinal);
        await PipelineHarness.WaitForLogAsync(_logs, "[4002]", "ops-only", "workflow ops");

        await PutEventAsync("web2", "disk", 2, "web2 full", pipelines: "two");
        await PipelineHarness.WaitForLogAsync(_logs, "[4002]", "no-web2");
        await PutEventAsync("web3", "disk", 2, "web3 full", pipelines: "two");
        var text = await PipelineHarness.WaitForFileAsync(second, "web3");
        Assert.DoesNotContain("web2", text, StringComparison.Ordinal);
        Assert.False(File.Exists(first));
    }

    [Fact]
    public async Task Failing_stages_are_logged_precisely_and_other_workflows_and_the_next_event_run()
    {
        var good = Path.Combine(_dir, "good");
        await PutAsync<EventFilter>("filters", "throws", """{"action":"allow","expressions":["event.check.nothing.deeper == 1"]}""");
        await PutAsync<EventFilter>("filters", "loops", """{"action":"allow","expressions":["(function(){ while (true) {} })()"]}""");
        await PutAsync<Mutator>("mutators", "exits3", """{"command":"echo broken mutator; exit 3"}""");
        await PutAsync<Handler>("handlers", "a-throws", """{"type":"pipe","command":"true","filters":["throws"]}""");
        await PutAsync<Handler>("handlers", "b-loops", """{"type":"pipe","command":"true","filters":["loops"]}""");
        await PutAsync<Handler>("handlers", "c-mutator", """{"type":"pipe","command":"true","mutator":"exits3"}""");
        await PutAsync<Handler>("handlers", "d-hangs", """{"type":"pipe","command":"sleep 30","timeout":1}""");
        await PutAsync<Handler>("handlers", "e-good", Append(good, "only_check_output"));
        const string Handlers = "\"a-throws\",\"b-loops\",\"c-mutator\",\"d-hangs\",\"e-good\",\"missing-one\"";

        await PutEventAsync("web1", "bad", 2, "first", handlers: Handlers);
        Assert.Contains("first", await PipelineHarness.WaitForFileAsync(good, "first"), StringComparison.Ordinal);
        // Expression errors are logged and skipped (core-spec §5.3): with nothing false, these allow filters pass.
        Assert.Contains("TypeError", await PipelineHarness.WaitForLogAsync(_logs, "[4102]", "throws", "default/web1/bad"), StringComparison.Ordinal);
        // An endless loop is stopped by whichever sandbox limit it reaches first: time, statements or memory.
        Assert.Matches("timed out|exceeded the limit of [0-9]+ statements|exceeded the memory limit", await PipelineHarness.WaitForLogAsync(_logs, "[4102]", "loops", "default/web1/bad"));
        await PipelineHarness.WaitForLogAsync(_logs, "[4303]", "a-throws");
        await PipelineHarness.WaitForLogAsync(_logs, "[4303]", "b-loops");
        var mutator = await PipelineHarness.WaitForLogAsync(_logs, "[4004]", "legacy-pipeline-workflow-c-mutator");
        Assert.Contains("non-zero exit status 3", mutator, StringComparison.Ordinal);
        Assert.Contains("broken mutator", mutator, StringComparison.Ordinal);
        Assert.Contains("d-hangs", await PipelineHarness.WaitForLogAsync(_logs, "[4305]"), StringComparison.Ordinal);
        Assert.Contains("missing-one", await PipelineHarness.WaitForLogAsync(_logs, "[4300]"), StringComparison.Ordinal);

        await PutEventAsync("web1", "bad", 2, "second", handlers: Handlers);
        Assert.Contains("second", await PipelineHarness.WaitForFileAsync(good, "second"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_log_has_one_line_per_event_and_metrics_are_served_without_credentials()
    {
        await PutAsync<Handler>("handlers", "noop", """{"type":"pipe","command":"cat > /dev/null"}""");
        await PutEventAsync("web1", "logged-one", 1, "one", handlers: "\"noop\"");
        await PutEventAsync("web1", "logged-two", 2, "two", handlers: "\"noop\"");
        var text = await PipelineHarness.WaitForFileAsync(EventLog, "logged-two");
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Contains(lines, l => l["check"]!["metadata"]!["name"]!.GetValue<string>() == "logged-one");
        await PipelineHarness.WaitForLogAsync(_logs, "[4303]", "noop");

        using var anonymous = _backend.Anonymous();
        using var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var metrics = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE sensu_pipelined_events_processed_total counter", metrics, StringComparison.Ordinal);
        Assert.Contains("sensu_pipelined_handler_requests_total{outcome=\"ok\",type=\"pipe\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("sensu_pipelined_handler_duration_seconds_bucket{outcome=\"ok\",type=\"pipe\",le=\"+Inf\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("sensu_pipelined_queue_depth", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_mutator_gives_the_event_as_stored_and_redacts_an_entity_that_needs_it()
    {
        var file = Path.Combine(_dir, "json");
        await PutAsync<Handler>("handlers", "raw", Append(file));
        await PutEventAsync("plain", "stored", 2, "as stored", handlers: "\"raw\"");
        var line = (await PipelineHarness.WaitForFileAsync(file, "as stored")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Single();
        using var stored = await _client.GetAsync("/api/core/v2/namespaces/default/events/plain/stored");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await stored.Content.ReadAsStringAsync()), JsonNode.Parse(line)), line);

        var body = """{"entity":{"metadata":{"name":"secretive","labels":{"password":"hunter2","region":"eu"}},"subscriptions":["linux"]},"check":{"metadata":{"name":"stored"},"status":2,"output":"labelled","interval":60,"handlers":["raw"]}}""";
        Assert.Equal(HttpStatusCode.Created, await _client.PutJsonAsync("/api/core/v2/namespaces/default/events/secretive/stored", body));
        var text = await PipelineHarness.WaitForFileAsync(file, "labelled");
        var redacted = JsonNode.Parse(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.Contains("labelled", StringComparison.Ordinal)))!;
        Assert.Equal("REDACTED", redacted["entity"]!["metadata"]!["labels"]!["password"]!.GetValue<string>());
        Assert.Equal("eu", redacted["entity"]!["metadata"]!["labels"]!["region"]!.GetValue<string>());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
    }

    private static string Append(string file, string? mutator = null)
    {
        var command = $"cat >> {file}.tmp; echo >> {file}.tmp; cp {file}.tmp {file}.new; mv {file}.new {file}";
        return "{\"type\":\"pipe\",\"command\":\"" + command + "\"" + (mutator is null ? "" : ",\"mutator\":\"" + mutator + "\"") + "}";
    }

    private async Task PutAsync<T>(string collection, string name, string json) where T : class, Sensu.Core.Meta.IResource
    {
        Assert.Equal(HttpStatusCode.Created, await _client.PutJsonAsync($"/api/core/v2/namespaces/default/{collection}/{name}", json));
        await PipelineHarness.WaitForCachedAsync<T>(_backend, name);
    }

    private async Task PutEventAsync(string entity, string check, int status, string output, string handlers = "", string? pipelines = null)
    {
        var refs = pipelines is null ? "" : $$""","pipelines":[{"name":"{{pipelines}}","type":"Pipeline","api_version":"core/v2"}]""";
        var body = $$$"""{"entity":{"metadata":{"name":"{{{entity}}}"},"subscriptions":["linux"]},"check":{"metadata":{"name":"{{{check}}}","labels":{"team":"dev"}},"status":{{{status}}},"output":"{{{output}}}","interval":60,"handlers":[{{{handlers}}}]{{{refs}}}}}""";
        var code = await _client.PutJsonAsync($"/api/core/v2/namespaces/default/events/{entity}/{check}", body);
        Assert.True(code is HttpStatusCode.Created or HttpStatusCode.OK, code.ToString());
    }
}
