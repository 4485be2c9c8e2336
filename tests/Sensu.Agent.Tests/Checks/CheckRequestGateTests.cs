using Sensu.Agent.Checks;

namespace Sensu.Agent.Tests.Checks;

public sealed class CheckRequestGateTests
{
    [Fact]
    public void Old_and_duplicate_requests_are_dropped()
    {
        var gate = new CheckRequestGate();
        Assert.True(gate.TryBegin("c", 100, out _));
        gate.End("c");

        Assert.False(gate.TryBegin("c", 100, out var duplicate));
        Assert.Equal("duplicate request", duplicate);
        Assert.False(gate.TryBegin("c", 99, out var old));
        Assert.Equal("old request", old);
        Assert.True(gate.TryBegin("c", 101, out _));
    }

    [Fact]
    public void A_running_check_drops_new_requests_until_it_ends()
    {
        var gate = new CheckRequestGate();
        Assert.True(gate.TryBegin("c", 1, out _));
        Assert.False(gate.TryBegin("c", 2, out var reason));
        Assert.Equal("check is already in progress", reason);
        Assert.True(gate.TryBegin("other", 1, out _));
        gate.End("c");
        Assert.True(gate.TryBegin("c", 3, out _));
    }
}
