using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Tests.Secrets;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline.Assets;

/// <summary>
/// Runtime assets of pipe handlers, pipe mutators and filters, installed by the backend from a local HTTP server into
/// its cache dir; and assets that must not install (wrong sha512, archive escaping its directory).
/// </summary>
public sealed class RuntimeAssetsTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sensu-assets-" + Guid.NewGuid().ToString("N"));
    private readonly CapturingLoggerProvider _logs = new();
    private TestBackend _backend = null!;
    private HttpClient _client = null!;
    private AssetHttpServer _server = null!;
    private PipelineApi _api = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _server = await AssetHttpServer.StartAsync();
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
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private string CacheDir => Path.Combine(_backend.StateDir, "cache");

    [Fact]
    public async Task Handler_mutator_and_filter_assets_are_installed_and_used()
    {
        var notify = AssetTarballs.Script("notify-file", "cat > \"$1.tmp\"; echo >> \"$1.tmp\"; echo \"asset=$NOTIFY_TOOL_PATH\" >> \"$1.tmp\"; mv \"$1.tmp\" \"$1\"");
        var upcase = AssetTarballs.Script("upcase", "tr a-z A-Z");
        var library = AssetTarballs.TarGz(("lib/critical.js", "function is_critical(e) { return e.check.status === 2; }", false));
        await PutAssetAsync("notify-tool", "/notify.tar.gz", notify);
        await PutAssetAsync("upcase-tool", "/upcase.tar.gz", upcase);
        await PutAssetAsync("critical-js", "/critical.tar.gz", library);
        await _api.PutAsync<Mutator>("mutators", "upper", """{"command":"upcase","runtime_assets":["upcase-tool"]}""");
        await _api.PutAsync<EventFilter>("filters", "critical", """{"action":"allow","expressions":["is_critical(event)"],"runtime_assets":["critical-js"]}""");
        var notified = Path.Combine(_dir, "notified");
        var mutated = Path.Combine(_dir, "mutated");
        var filtered = Path.Combine(_dir, "filtered");
        await _api.PutAsync<Handler>("handlers", "a-notify", $$"""{"type":"pipe","command":"notify-file {{notified}}","runtime_assets":["notify-tool"]}""");
        await _api.PutAsync<Handler>("handlers", "b-mutated", $$"""{"type":"pipe","command":"{{PipelineApi.AppendCommand(mutated)}}","mutator":"upper"}""");
        await _api.PutAsync<Handler>("handlers", "c-filtered", $$"""{"type":"pipe","command":"{{PipelineApi.AppendCommand(filtered)}}","filters":["critical"],"mutator":"only_check_output"}""");
        string[] handlers = ["a-notify", "b-mutated", "c-filtered"];

        await _api.PostEventAsync("web1", "disk", 1, "warning-one", handlers);
        var text = await PipelineHarness.WaitForFileAsync(notified, "warning-one");
        Assert.Contains($"asset={Path.Combine(CacheDir, AssetTarballs.Sha512(notify))}", text, StringComparison.Ordinal);
        Assert.Contains("WARNING-ONE", await PipelineHarness.WaitForFileAsync(mutated, "WARNING-ONE"), StringComparison.Ordinal);
        await PipelineHarness.WaitForLogAsync(_logs, "[4002]", "critical");

        await _api.PostEventAsync("web1", "disk", 2, "critical-two", handlers);
        var handled = await PipelineHarness.WaitForFileAsync(filtered, "critical-two");
        Assert.DoesNotContain("warning-one", handled, StringComparison.Ordinal);
        await PipelineHarness.WaitForFileAsync(notified, "critical-two");
        Assert.True(File.Exists(Path.Combine(CacheDir, AssetTarballs.Sha512(library), "lib", "critical.js")));
        Assert.Equal(1, _server.Hits("/notify.tar.gz"));
        Assert.Equal(1, _server.Hits("/upcase.tar.gz"));
        Assert.Equal(1, _server.Hits("/critical.tar.gz"));
        Assert.DoesNotContain("[4004]", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_sha512_and_escaping_archives_are_logged_precisely_and_the_next_event_is_handled()
    {
        var good = AssetTarballs.Script("good", "true");
        var badUrl = _server.Serve("/tampered.tar.gz", AssetTarballs.Script("tampered", "true"));
        await _api.PutAsync<Asset>("assets", "tampered", $$"""{"url":"{{badUrl}}","sha512":"{{AssetTarballs.Sha512(good)}}"}""");
        var escaping = AssetTarballs.Escaping();
        var escapeUrl = _server.Serve("/escape.tar.gz", escaping);
        await _api.PutAsync<Asset>("assets", "escaper", $$"""{"url":"{{escapeUrl}}","sha512":"{{AssetTarballs.Sha512(escaping)}}"}""");
        var never = Path.Combine(_dir, "never");
        var fine = Path.Combine(_dir, "fine");
        await _api.PutAsync<Handler>("handlers", "a-tampered", $$"""{"type":"pipe","command":"touch {{never}}","runtime_assets":["tampered"]}""");
        await _api.PutAsync<Handler>("handlers", "b-escaper", $$"""{"type":"pipe","command":"touch {{never}}","runtime_assets":["escaper"]}""");
        await _api.PutAsync<Handler>("handlers", "c-fine", $$"""{"type":"pipe","command":"{{PipelineApi.AppendCommand(fine)}}","mutator":"only_check_output"}""");
        string[] handlers = ["a-tampered", "b-escaper", "c-fine"];

        await _api.PostEventAsync("web1", "assets", 2, "first", handlers);
        await PipelineHarness.WaitForFileAsync(fine, "first");
        var sha = await PipelineHarness.WaitForLogAsync(_logs, "[4004]", "a-tampered");
        Assert.Contains("asset \"tampered\"", sha, StringComparison.Ordinal);
        Assert.Contains(badUrl, sha, StringComparison.Ordinal);
        Assert.Contains("sha512 of downloaded asset", sha, StringComparison.Ordinal);
        var escape = await PipelineHarness.WaitForLogAsync(_logs, "[4004]", "b-escaper");
        Assert.Contains("asset \"escaper\"", escape, StringComparison.Ordinal);
        Assert.Contains(escapeUrl, escape, StringComparison.Ordinal);
        Assert.Contains("../../escaped-by-asset", escape, StringComparison.Ordinal);

        await _api.PostEventAsync("web1", "assets", 2, "second", handlers);
        await PipelineHarness.WaitForFileAsync(fine, "second");
        Assert.False(File.Exists(never));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_backend.StateDir)!, "escaped-by-asset", SearchOption.TopDirectoryOnly));
        Assert.Empty(Directory.GetFiles(_backend.StateDir, "escaped-by-asset", SearchOption.AllDirectories));
        Assert.False(Directory.Exists(Path.Combine(CacheDir, AssetTarballs.Sha512(escaping))));
    }

    private async Task PutAssetAsync(string name, string path, byte[] archive)
    {
        var url = _server.Serve(path, archive);
        await _api.PutAsync<Asset>("assets", name, $$"""{"url":"{{url}}","sha512":"{{AssetTarballs.Sha512(archive)}}"}""");
    }
}
