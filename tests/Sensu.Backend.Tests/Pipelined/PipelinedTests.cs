using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Tests.Secrets;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Pipelined;

/// <summary>The legacy pipeline end to end on a real backend: check handlers, filters, json mutator, pipe handler with secrets.</summary>
public sealed class PipelinedTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sensu-pipelined-" + Guid.NewGuid().ToString("N"));
    private readonly string _variable = "SENSU_PIPELINED_TEST_" + Guid.NewGuid().ToString("N");
    private readonly string _secret = "pd-" + Guid.NewGuid().ToString("N");
    private readonly CapturingLoggerProvider _logs = new();
    private TestBackend _backend = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Environment.SetEnvironmentVariable(_variable, _secret);
        _backend = await TestBackend.StartAsync(o =>
        {
            o.LogLevel = "info";
            o.PipelinedWorkers = 1;
        });
        // Added after the scrubbing wrap: this sink sees exactly what Pipelined writes.
        _backend.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        _client = await _backend.LoginAsync();
        Assert.Equal(HttpStatusCode.Created, await _client.PutJsonAsync("/api/enterprise/secrets/v1/namespaces/default/secrets/pd",
            $$$"""{"type":"Secret","api_version":"secrets/v1","metadata":{"name":"pd"},"spec":{"id":"{{{_variable}}}","provider":"env"}}"""));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _backend.DisposeAsync();
        Environment.SetEnvironmentVariable(_variable, null);
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
    public async Task Pipe_handler_gets_the_event_and_the_secret_and_logs_never_show_it()
    {
        var file = Path.Combine(_dir, "out");
        await PutHandlerAsync("pd", $$"""{"type":"pipe","command":"cat > {{file}}.tmp; echo >> {{file}}.tmp; echo \"token=$PD_TOKEN\" >> {{file}}.tmp; echo \"leaked $PD_TOKEN\"; mv {{file}}.tmp {{file}}","secrets":[{"name":"PD_TOKEN","secret":"pd"}]}""");
        await PutEventAsync("check-disk", 2, "disk full", "pd");

        var text = await WaitForFileAsync(file);
        var lines = text.Split('\n');
        var ev = JsonNode.Parse(lines[0])!;
        Assert.Equal("check-disk", ev["check"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal(2, ev["check"]!["status"]!.GetValue<int>());
        Assert.Equal("web1", ev["entity"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Contains($"token={_secret}", text);

        await WaitForLogAsync("[4006]");
        Assert.Contains(_logs.Lines, l => l.Contains("[4006]") && l.Contains("pd") && l.Contains("leaked"));
        Assert.DoesNotContain(_secret, _logs.All);
    }

    [Fact]
    public async Task Is_incident_blocks_an_ok_event_and_passes_an_incident()
    {
        var file = Path.Combine(_dir, "incidents");
        await PutHandlerAsync("inc", $$"""{"type":"pipe","command":"cat >> {{file}}; echo >> {{file}}","filters":["is_incident"],"mutator":"only_check_output"}""");
        await PutEventAsync("check-ok", 0, "all-good", "inc");
        await PutEventAsync("check-ok", 0, "still-good", "inc");
        await PutEventAsync("check-bad", 2, "bad-output", "inc");

        var text = await WaitForFileAsync(file, "bad-output");
        Assert.DoesNotContain("all-good", text);
        Assert.DoesNotContain("still-good", text);
    }

    [Fact]
    public async Task Handler_with_a_missing_secret_is_not_run_and_the_log_says_why()
    {
        var file = Path.Combine(_dir, "never");
        await PutHandlerAsync("nosecret", $$"""{"type":"pipe","command":"touch {{file}}","secrets":[{"name":"TOKEN","secret":"nope"}]}""");
        await PutEventAsync("check-x", 2, "x", "nosecret");

        var line = await WaitForLogAsync("[4005]");
        Assert.Contains("nosecret", line);
        Assert.Contains("nope", line);
        Assert.Contains("invalid secret info", line);
        Assert.False(File.Exists(file));
    }

    private async Task PutHandlerAsync(string name, string json) =>
        Assert.Equal(HttpStatusCode.Created, await _client.PutJsonAsync($"/api/core/v2/namespaces/default/handlers/{name}", json));

    private async Task PutEventAsync(string check, int status, string output, string handler)
    {
        var body = $$$"""{"entity":{"metadata":{"name":"web1"},"subscriptions":["linux"]},"check":{"metadata":{"name":"{{{check}}}"},"status":{{{status}}},"output":"{{{output}}}","interval":60,"handlers":["{{{handler}}}"]}}""";
        var status2 = await _client.PutJsonAsync($"/api/core/v2/namespaces/default/events/web1/{check}", body);
        Assert.True(status2 is HttpStatusCode.Created or HttpStatusCode.OK, status2.ToString());
    }

    private static async Task<string> WaitForFileAsync(string path, string? marker = null)
    {
        for (var i = 0; i < 200; i++)
        {
            if (File.Exists(path))
            {
                var text = await File.ReadAllTextAsync(path);
                if (marker is null || text.Contains(marker, StringComparison.Ordinal))
                    return text;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{path} did not appear");
    }

    private async Task<string> WaitForLogAsync(string marker)
    {
        for (var i = 0; i < 200; i++)
        {
            var line = _logs.Lines.FirstOrDefault(l => l.Contains(marker, StringComparison.Ordinal));
            if (line is not null)
                return line;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no log line {marker}:\n{_logs.All}");
    }
}
