using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Agent.Checks;
using Sensu.Agent.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Tests.Checks;

public sealed class CheckDispatcherTests
{
    private static CheckRequest Request(string command, long issued) => new()
    {
        Config = new CheckConfig { Metadata = new ObjectMeta { Name = "c", Namespace = "default" }, Command = command, Interval = 10 },
        Issued = issued,
    };

    [Fact]
    public async Task Running_stale_and_duplicate_requests_are_dropped_and_results_queued()
    {
        using var parts = new AgentParts();
        using var dispatcher = new CheckDispatcher(parts.Executor, parts.Queue, NullLogger<CheckDispatcher>.Instance);

        Assert.True(dispatcher.Dispatch(Request("sleep 0.5; echo first", 10)));
        Assert.False(dispatcher.Dispatch(Request("echo second", 11)));
        var ev = await parts.Queue.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("first\n", ev.Check!.Output);
        await WaitIdleAsync(dispatcher);

        Assert.False(dispatcher.Dispatch(Request("echo dup", 10)));
        Assert.False(dispatcher.Dispatch(Request("echo old", 9)));
        Assert.True(dispatcher.Dispatch(Request("echo third", 12)));
        var third = await parts.Queue.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("third\n", third.Check!.Output);
    }

    [Fact]
    public async Task Stop_kills_running_checks_and_waits_for_them()
    {
        using var parts = new AgentParts();
        using var dispatcher = new CheckDispatcher(parts.Executor, parts.Queue, NullLogger<CheckDispatcher>.Instance);
        Assert.True(dispatcher.Dispatch(Request("sleep 30", 1)));
        await Task.Delay(200);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await dispatcher.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8));
        Assert.Equal(0, dispatcher.Running);
        Assert.False(dispatcher.Dispatch(Request("echo late", 2)));
    }

    private static async Task WaitIdleAsync(CheckDispatcher dispatcher)
    {
        for (var i = 0; i < 100 && dispatcher.Running > 0; i++)
            await Task.Delay(50);
    }
}
