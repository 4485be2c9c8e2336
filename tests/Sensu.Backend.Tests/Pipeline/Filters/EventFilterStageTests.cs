using System.Diagnostics;

namespace Sensu.Backend.Tests.Pipeline.Filters;

/// <summary>Custom filter evaluation exactly as core-spec §5.3: truthiness, allow/deny rules, skipped errors, windows, unknown actions.</summary>
public sealed class EventFilterStageTests : IAsyncLifetime
{
    private readonly FilterStageHost _host = new();

    public Task InitializeAsync() => _host.StartAsync(new Dictionary<string, string>
    {
        ["truthy-allow"] = """{"action":"allow","expressions":["event.check.output","event.check.status"]}""",
        ["truthy-deny"] = """{"action":"deny","expressions":["event.check.status - 2","event.entity.name == 'web2' && 'yes'"]}""",
        ["allow-first-false"] = """{"action":"allow","expressions":["event.check.status == 2","event.entity.name == 'web1'"]}""",
        ["deny-first-true"] = """{"action":"deny","expressions":["event.entity.name == 'web2'","event.check.status == 2"]}""",
        ["allow-throws"] = """{"action":"allow","expressions":["event.check.nothing.deeper == 1","event.check.status == 2"]}""",
        ["deny-throws"] = """{"action":"deny","expressions":["event.check.nothing.deeper == 1"]}""",
        ["allow-loops"] = """{"action":"allow","expressions":["(function(){ while (true) {} })()","event.entity.name == 'web1'"]}""",
        ["bad-window"] = """{"action":"allow","expressions":["false"],"when":{"days":{"all":[{"begin":"25:99","end":"5:00PM"}]}}}""",
        ["bad-window-pass"] = """{"action":"allow","expressions":["true"],"when":{"days":{"all":[{"begin":"noon","end":"5:00PM"}]}}}""",
        ["allow-in-hours"] = """{"action":"allow","expressions":["true"],"when":{"days":{"all":[{"begin":"9:00AM","end":"5:00PM"}]}}}""",
        ["deny-in-hours"] = """{"action":"deny","expressions":["false"],"when":{"days":{"all":[{"begin":"9:00AM","end":"5:00PM"}]}}}""",
        ["odd-action"] = """{"action":"maybe","expressions":["false"]}""",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Results_are_coerced_with_javascript_truthiness()
    {
        Assert.True(await _host.PassesAsync("truthy-allow", FilterStageHost.Event()));
        Assert.False(await _host.PassesAsync("truthy-allow", FilterStageHost.Event(status: 0)));
        Assert.False(await _host.PassesAsync("truthy-allow", FilterStageHost.Event(output: "")));
        Assert.True(await _host.PassesAsync("truthy-deny", FilterStageHost.Event()));
        Assert.False(await _host.PassesAsync("truthy-deny", FilterStageHost.Event(status: 1)));
        Assert.False(await _host.PassesAsync("truthy-deny", FilterStageHost.Event("web2")));
        Assert.DoesNotContain("[4102]", _host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_needs_every_expression_true_and_deny_drops_on_the_first_true()
    {
        Assert.True(await _host.PassesAsync("allow-first-false", FilterStageHost.Event()));
        Assert.False(await _host.PassesAsync("allow-first-false", FilterStageHost.Event(status: 1)));
        Assert.False(await _host.PassesAsync("allow-first-false", FilterStageHost.Event("web3")));
        // deny: one true expression is enough (not all of them).
        Assert.False(await _host.PassesAsync("deny-first-true", FilterStageHost.Event("web2", status: 0)));
        Assert.False(await _host.PassesAsync("deny-first-true", FilterStageHost.Event("web1", status: 2)));
        Assert.True(await _host.PassesAsync("deny-first-true", FilterStageHost.Event("web1", status: 0)));
    }

    [Fact]
    public async Task An_expression_that_throws_is_logged_and_skipped()
    {
        Assert.True(await _host.PassesAsync("allow-throws", FilterStageHost.Event()));
        Assert.False(await _host.PassesAsync("allow-throws", FilterStageHost.Event(status: 1)));
        Assert.True(await _host.PassesAsync("deny-throws", FilterStageHost.Event()));
        var line = _host.Logs.Lines.First(l => l.Contains("[4102]", StringComparison.Ordinal) && l.Contains("allow-throws", StringComparison.Ordinal));
        Assert.Contains("event.check.nothing.deeper == 1", line, StringComparison.Ordinal);
        Assert.Contains("TypeError", line, StringComparison.Ordinal);
        Assert.Contains("default/web1/disk", line, StringComparison.Ordinal);
        Assert.StartsWith("Error", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_loop_times_out_is_skipped_and_the_next_event_is_normal()
    {
        var watch = Stopwatch.StartNew();
        Assert.True(await _host.PassesAsync("allow-loops", FilterStageHost.Event()));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Contains(_host.Logs.Lines, l => l.Contains("[4102]", StringComparison.Ordinal) && l.Contains("timed out", StringComparison.Ordinal));
        Assert.False(await _host.PassesAsync("allow-loops", FilterStageHost.Event("web9")));
        Assert.True(await _host.PassesAsync("allow-first-false", FilterStageHost.Event()));
    }

    [Fact]
    public async Task A_window_that_cannot_be_read_allows_and_is_logged()
    {
        Assert.True(await _host.PassesAsync("bad-window", FilterStageHost.Event()));
        Assert.True(await _host.PassesAsync("bad-window-pass", FilterStageHost.Event()));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("[4101]", StringComparison.Ordinal) && l.Contains("bad-window", StringComparison.Ordinal) && l.Contains("25:99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Windows_decide_before_expressions()
    {
        // 12:00 UTC: inside 9AM-5PM.
        Assert.True(await _host.PassesAsync("allow-in-hours", FilterStageHost.Event()));
        Assert.False(await _host.PassesAsync("deny-in-hours", FilterStageHost.Event()));
        _host.Time.Advance(TimeSpan.FromHours(8)); // 20:00 UTC: outside
        Assert.False(await _host.PassesAsync("allow-in-hours", FilterStageHost.Event()));
        Assert.True(await _host.PassesAsync("deny-in-hours", FilterStageHost.Event()));
    }

    [Fact]
    public async Task An_unknown_action_allows_and_is_logged()
    {
        Assert.True(await _host.PassesAsync("odd-action", FilterStageHost.Event()));
        Assert.Contains(_host.Logs.Lines, l => l.Contains("[4100]", StringComparison.Ordinal) && l.Contains("maybe", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_filter_is_an_error_of_the_stage()
    {
        var error = await Assert.ThrowsAsync<Sensu.Backend.Pipeline.PipelineStageException>(async () => await _host.PassesAsync("nope", FilterStageHost.Event()));
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }
}
