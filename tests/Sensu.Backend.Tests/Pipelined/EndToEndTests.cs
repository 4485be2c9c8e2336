using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Eventd;
using Sensu.Backend.Tests.Pipeline.Assets;
using Sensu.Backend.Tests.Pipeline.Handlers;
using Sensu.Backend.Tests.Secrets;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipelined;

/// <summary>
/// Issue 5's acceptance test on a real backend (API, SQLite store, processes, sockets): events POSTed to the API reach
/// a pipe handler whose command comes from a runtime asset served by a local HTTP server (verified, cached: downloaded
/// once), a TCP handler and a UDP handler on 127.0.0.1, through a legacy <c>handlers</c> list (a handler set) and
/// through a <c>Pipeline</c> resource; <c>is_incident</c>, a custom JavaScript filter and a silenced entry each do their part.
/// </summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sensu-e2e-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _logs = new();
    private TestBackend _backend = null!;
    private HttpClient _client = null!;
    private AssetHttpServer _server = null!;
    private PipelineApi _api = null!;
    private TcpSink _tcp = null!;
    private UdpSink _udp = null!;

    private string PipeFile => Path.Combine(_dir, "pipe-sink");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _server = await AssetHttpServer.StartAsync();
        _tcp = new TcpSink();
        _udp = new UdpSink();
        _backend = await TestBackend.StartAsync(o =>
        {
            o.LogLevel = "info";
            o.PipelinedWorkers = 2;
        });
        _backend.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        _client = await _backend.LoginAsync();
        _api = new PipelineApi(_backend, _client);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _backend.DisposeAsync();
        await _server.DisposeAsync();
        await _tcp.DisposeAsync();
        await _udp.DisposeAsync();
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
    public async Task Events_reach_pipe_tcp_and_udp_handlers_through_legacy_lists_and_pipelines_with_filters_and_silences()
    {
        var tool = AssetTarballs.Script("record-event",
            "cat >> \"$1.tmp\"; echo \" via=$E2E_TOOL_PATH\" >> \"$1.tmp\"; cp \"$1.tmp\" \"$1.new\"; mv \"$1.new\" \"$1\"");
        var url = _server.Serve("/e2e-tool.tar.gz", tool);
        await _api.PutAsync<Asset>("assets", "e2e-tool", $$"""{"url":"{{url}}","sha512":"{{AssetTarballs.Sha512(tool)}}"}""");
        await _api.PutAsync<EventFilter>("filters", "no-drop", """{"action":"deny","expressions":["event.check.output.indexOf('[drop]') >= 0"]}""");
        const string Filters = "\"is_incident\",\"not_silenced\",\"no-drop\"";
        await _api.PutAsync<Handler>("handlers", "e2e-pipe", $$"""{"type":"pipe","command":"record-event {{PipeFile}}","timeout":10,"runtime_assets":["e2e-tool"],"filters":[{{Filters}}]}""");
        await _api.PutAsync<Handler>("handlers", "e2e-tcp", $$"""{"type":"tcp","socket":{"host":"127.0.0.1","port":{{_tcp.Port}}},"timeout":10,"filters":[{{Filters}}]}""");
        await _api.PutAsync<Handler>("handlers", "e2e-udp", $$"""{"type":"udp","socket":{"host":"127.0.0.1","port":{{_udp.Port}}},"timeout":10,"filters":[{{Filters}}]}""");
        await _api.PutAsync<Handler>("handlers", "e2e-all", """{"type":"set","handlers":["e2e-pipe","e2e-tcp","e2e-udp"]}""");
        const string FilterRefs = """[{"name":"is_incident","type":"EventFilter","api_version":"core/v2"},{"name":"not_silenced","type":"EventFilter","api_version":"core/v2"},{"name":"no-drop","type":"EventFilter","api_version":"core/v2"}]""";
        var workflows = string.Join(",", new[] { "pipe", "tcp", "udp" }.Select(kind =>
            $$$"""{"name":"to-{{{kind}}}","filters":{{{FilterRefs}}},"handler":{"name":"e2e-{{{kind}}}","type":"Handler","api_version":"core/v2"}}"""));
        await _api.PutAsync<Sensu.Core.Resources.Core.Pipeline>("pipelines", "e2e", $$"""{"workflows":[{{workflows}}]}""");

        await RunScenarioAsync("legacy", handlers: ["e2e-all"], pipeline: null);
        await RunScenarioAsync("pipeline", handlers: null, pipeline: "e2e");

        var pipe = await File.ReadAllTextAsync(PipeFile);
        Assert.Contains($"via={Path.Combine(_backend.StateDir, "cache", AssetTarballs.Sha512(tool))}", pipe, StringComparison.Ordinal);
        Assert.Equal(1, _server.Hits("/e2e-tool.tar.gz"));
        Assert.DoesNotContain("[4004]", _logs.All, StringComparison.Ordinal);
    }

    /// <summary>One path (legacy list or Pipeline resource) through every filter's case, on its own check.</summary>
    private async Task RunScenarioAsync(string path, string[]? handlers, string? pipeline)
    {
        var check = path + "-disk";
        Task Post(int status, string output) => _api.PostEventAsync("web1", check, status, $"{path}-{output}", handlers, pipeline);

        await Post(0, "ok-no-incident");          // is_incident: OK with no prior incident → not handled
        await Post(2, "[drop]-noisy");            // custom JavaScript filter drops it
        await Post(2, "incident-one");            // handled
        await WaitForEverySinkAsync($"{path}-incident-one");
        await PipelineHarness.WaitForLogAsync(_logs, "[4002]", "is_incident", $"default/web1/{check}");
        await PipelineHarness.WaitForLogAsync(_logs, "[4002]", "no-drop", $"default/web1/{check}");

        var silence = Silenced.ComputeName(null, check);
        await _api.PutUncachedAsync("silenced", silence, $$"""{"check":"{{check}}"}""");
        await WaitForSilenceAsync(silence, present: true);
        await Post(2, "silenced-two");            // not_silenced drops it
        await PipelineHarness.WaitForLogAsync(_logs, "[4002]", "not_silenced", $"default/web1/{check}");
        await _api.DeleteAsync("silenced", silence);
        await WaitForSilenceAsync(silence, present: false);
        await Post(2, "after-silence");           // handled again
        await Post(0, "resolved");                // is_incident: the resolution is handled
        await WaitForEverySinkAsync($"{path}-after-silence");
        await WaitForEverySinkAsync($"{path}-resolved");

        foreach (var (sink, text) in Sinks())
        {
            Assert.True(!text.Contains($"{path}-ok-no-incident", StringComparison.Ordinal), $"{sink} got the OK event without incident");
            Assert.True(!text.Contains($"{path}-[drop]", StringComparison.Ordinal), $"{sink} got the event the JavaScript filter drops");
            Assert.True(!text.Contains($"{path}-silenced-two", StringComparison.Ordinal), $"{sink} got the silenced event");
            Assert.Equal(1, Count(text, $"{path}-incident-one"));
            Assert.Equal(1, Count(text, $"{path}-resolved"));
        }
    }

    private IEnumerable<(string Sink, string Text)> Sinks()
    {
        yield return ("pipe", File.Exists(PipeFile) ? File.ReadAllText(PipeFile) : "");
        yield return ("tcp", string.Join('\n', _tcp.Payloads));
        yield return ("udp", string.Join('\n', _udp.Payloads));
    }

    private async Task WaitForEverySinkAsync(string marker)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Sinks().All(s => s.Text.Contains(marker, StringComparison.Ordinal)))
                return;
            await Task.Delay(100);
        }
        var missing = string.Join(", ", Sinks().Where(s => !s.Text.Contains(marker, StringComparison.Ordinal)).Select(s => s.Sink));
        throw new TimeoutException($"{marker} did not reach {missing}:\n{_logs.All}");
    }

    private async Task WaitForSilenceAsync(string name, bool present)
    {
        var cache = _backend.Services.GetRequiredService<SilencedCache>();
        for (var i = 0; i < 300 && cache.InNamespace("default").Any(s => s.Metadata.Name == name) != present; i++)
            await Task.Delay(20);
        Assert.Equal(present, cache.InNamespace("default").Any(s => s.Metadata.Name == name));
    }

    private static int Count(string text, string marker)
    {
        var count = 0;
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + marker.Length, StringComparison.Ordinal))
            count++;
        return count;
    }
}
