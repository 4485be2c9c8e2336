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

        await WaitForLogAsync("[4303]");
        Assert.Contains(_logs.Lines, l => l.Contains("[4303]") && l.Contains("pd") && l.Contains("leaked"));
        Assert.DoesNotContain(_secret, _logs.All);
    }

    [Fact]
    public async Task A_handlers_secret_wins_over_its_env_vars_and_the_backend_environment()
    {
        var file = Path.Combine(_dir, "precedence");
        await PutHandlerAsync("precedence", $$"""{"type":"pipe","command":"echo \"$PD_TOKEN|$OTHER|$HOME\" > {{file}}.tmp; mv {{file}}.tmp {{file}}","env_vars":["PD_TOKEN=from-env-vars","OTHER=kept","HOME=/from/env-vars"],"secrets":[{"name":"PD_TOKEN","secret":"pd"}]}""");
        await PutEventAsync("check-precedence", 2, "bad", "precedence");

        Assert.Equal($"{_secret}|kept|/from/env-vars\n", await WaitForFileAsync(file));
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

        var line = await WaitForLogAsync("[4004]");
        Assert.Contains("failed to retrieve secrets for handler", line);
        Assert.Contains("nosecret", line);
        Assert.Contains("nope", line);
        Assert.Contains("invalid secret info", line);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Tcp_handler_receives_the_event_json_once()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await PutHandlerAsync("tcp-sink", $$"""{"type":"tcp","socket":{"host":"127.0.0.1","port":{{port}}},"timeout":10}""");
        await PutEventAsync("check-tcp", 2, "tcp please", "tcp-sink");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = await listener.AcceptTcpClientAsync(cts.Token);
        using var reader = new StreamReader(client.GetStream());
        var ev = JsonNode.Parse(await reader.ReadToEndAsync(cts.Token))!;
        Assert.Equal("check-tcp", ev["check"]!["metadata"]!["name"]!.GetValue<string>());
        Assert.Equal("tcp please", ev["check"]!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Udp_handler_sends_the_event_json_as_a_datagram()
    {
        using var receiver = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)receiver.Client.LocalEndPoint!).Port;
        await PutHandlerAsync("udp-sink", $$"""{"type":"udp","socket":{"host":"127.0.0.1","port":{{port}}},"timeout":10}""");
        await PutEventAsync("check-udp", 2, "udp please", "udp-sink");

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var datagram = await receiver.ReceiveAsync(cts.Token);
        var ev = JsonNode.Parse(datagram.Buffer)!;
        Assert.Equal("check-udp", ev["check"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tcp_handler_on_a_closed_port_is_logged_and_the_next_event_is_handled()
    {
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await PutHandlerAsync("tcp-closed", $$"""{"type":"tcp","socket":{"host":"127.0.0.1","port":{{closedPort}}},"timeout":5}""");
        await PutEventAsync("check-closed", 2, "nobody listens", "tcp-closed");
        var line = await PipelineHarness.WaitForLogAsync(_logs, "[4004]", "tcp-closed");
        Assert.True(line.Contains("refused", StringComparison.OrdinalIgnoreCase) || line.Contains(closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), line);

        var file = Path.Combine(_dir, "after-closed");
        await PutHandlerAsync("after", $$"""{"type":"pipe","command":"cat > {{file}}.tmp; mv {{file}}.tmp {{file}}"}""");
        await PutEventAsync("check-after", 2, "still working", "after");
        Assert.Contains("still working", await WaitForFileAsync(file), StringComparison.Ordinal);
    }

    private async Task PutHandlerAsync(string name, string json)
    {
        Assert.Equal(HttpStatusCode.Created, await _client.PutJsonAsync($"/api/core/v2/namespaces/default/handlers/{name}", json));
        await PipelineHarness.WaitForCachedAsync<Sensu.Core.Resources.Core.Handler>(_backend, name);
    }

    private async Task PutEventAsync(string check, int status, string output, string handler)
    {
        var body = $$$"""{"entity":{"metadata":{"name":"web1"},"subscriptions":["linux"]},"check":{"metadata":{"name":"{{{check}}}"},"status":{{{status}}},"output":"{{{output}}}","interval":60,"handlers":["{{{handler}}}"]}}""";
        var status2 = await _client.PutJsonAsync($"/api/core/v2/namespaces/default/events/web1/{check}", body);
        Assert.True(status2 is HttpStatusCode.Created or HttpStatusCode.OK, status2.ToString());
    }

    private static Task<string> WaitForFileAsync(string path, string? marker = null) => PipelineHarness.WaitForFileAsync(path, marker);

    private Task<string> WaitForLogAsync(string marker) => PipelineHarness.WaitForLogAsync(_logs, marker);
}
