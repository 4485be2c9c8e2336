using System.Diagnostics.Metrics;
using System.Text;
using Sensu.Backend.Metrics;

namespace Sensu.Backend.Tests.Metrics;

/// <summary>Series by tag set: a tag set seen before is found without building its label string, in any order.</summary>
public sealed class InstrumentStateTests : IDisposable
{
    private readonly Meter _meter = new("sensu.test");

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    private static string Text(InstrumentState state)
    {
        var text = new StringBuilder();
        state.WriteTo(text);
        return text.ToString();
    }

    [Fact]
    public void Same_tags_in_another_order_add_to_the_same_series_and_other_values_to_their_own()
    {
        var state = new InstrumentState(_meter.CreateCounter<long>("sensu.test.requests"));

        state.Record(1, [Tag("type", "pipe"), Tag("outcome", "ok")]);
        state.Record(2, [Tag("outcome", "ok"), Tag("type", "pipe")]);
        state.Record(4, [Tag("type", "pipe"), Tag("outcome", "ok")]);
        state.Record(8, [Tag("type", "tcp"), Tag("outcome", "ok")]);
        state.Record(16, [Tag("type", "pipe"), Tag("outcome", "error")]);

        var text = Text(state);
        Assert.Contains("sensu_test_requests_total{outcome=\"ok\",type=\"pipe\"} 7\n", text, StringComparison.Ordinal);
        Assert.Contains("sensu_test_requests_total{outcome=\"ok\",type=\"tcp\"} 8\n", text, StringComparison.Ordinal);
        Assert.Contains("sensu_test_requests_total{outcome=\"error\",type=\"pipe\"} 16\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Tag_sets_past_those_remembered_are_still_counted_apart()
    {
        var state = new InstrumentState(_meter.CreateCounter<long>("sensu.test.events"));
        var sets = InstrumentState.RememberedTagSets + 10;

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < sets; i++)
                state.Record(1, [Tag("handler", "h" + i)]);
        }

        var text = Text(state);
        for (var i = 0; i < sets; i++)
            Assert.Contains($"sensu_test_events_total{{handler=\"h{i}\"}} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Untagged_and_boxed_values_compare_by_value()
    {
        var state = new InstrumentState(_meter.CreateCounter<long>("sensu.test.codes"));

        state.Record(1, []);
        state.Record(1, []);
        state.Record(1, [Tag("status", 2)]);
        state.Record(1, [Tag("status", 2)]);

        var text = Text(state);
        Assert.Contains("sensu_test_codes_total 2\n", text, StringComparison.Ordinal);
        Assert.Contains("sensu_test_codes_total{status=\"2\"} 2\n", text, StringComparison.Ordinal);
    }
}
