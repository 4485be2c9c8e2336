using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Eventd;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Eventd;

/// <summary>core-spec §4 and §12 items 31–35: history, occurrences, watermark, flapping, state, resolution, truncation.</summary>
public sealed class EventStateMachineTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
    private readonly EventStateMachine _machine;

    public EventStateMachineTests() => _machine = new EventStateMachine(_time);

    [Fact]
    public void First_result_has_a_history_of_one_and_failing_state()
    {
        var (ev, _) = Apply(null, Result(2, executed: 100));
        Assert.Single(ev.Check!.History);
        Assert.Equal(Check.FailingState, ev.Check.State);
        Assert.Equal(1, ev.Check.Occurrences);
        Assert.Equal(1, ev.Check.OccurrencesWatermark);
        Assert.Equal(0, ev.Check.LastOk);
        Assert.Equal(1_700_000_000, ev.Timestamp);
    }

    [Fact]
    public void Passing_results_count_up_occurrences_and_watermark()
    {
        var ev = Sequence([0, 0, 0]);
        Assert.Equal(3, ev.Check!.Occurrences);
        Assert.Equal(3, ev.Check.OccurrencesWatermark);
        Assert.Equal(Check.PassingState, ev.Check.State);
        Assert.Equal(1002, ev.Check.LastOk);
    }

    [Fact]
    public void Status_changes_reset_occurrences_and_the_watermark_only_on_the_first_failure()
    {
        Event? previous = null;
        var expected = new (long Occurrences, long Watermark)[] { (1, 1), (1, 1), (1, 1), (2, 2), (3, 3) };
        uint[] statuses = [0, 1, 2, 2, 2];
        for (var i = 0; i < statuses.Length; i++)
        {
            previous = Apply(previous, Result(statuses[i], 1000 + i)).Stored;
            Assert.Equal(expected[i], (previous.Check!.Occurrences, previous.Check.OccurrencesWatermark));
        }
        Assert.Equal(1000, previous!.Check!.LastOk);
    }

    [Fact]
    public void Warning_to_critical_keeps_the_watermark_and_ok_grows_it()
    {
        var ev = Sequence([1, 1, 1, 2, 0, 0, 0, 0]);
        Assert.Equal(4, ev.Check!.Occurrences);
        Assert.Equal(4, ev.Check.OccurrencesWatermark);
    }

    [Fact]
    public void History_keeps_the_last_21_entries()
    {
        var ev = Sequence(Enumerable.Range(0, 25).Select(i => (uint)(i % 3)).ToArray());
        Assert.Equal(21, ev.Check!.History.Count);
        Assert.Equal(1004, ev.Check.History[0].Executed);
        Assert.Equal(1024, ev.Check.History[^1].Executed);
    }

    [Fact]
    public void Alternating_statuses_flap_with_thresholds_and_stop_flapping_below_low()
    {
        var statuses = Enumerable.Range(0, 21).Select(i => (uint)(i % 2)).ToArray();
        var ev = Sequence(statuses, low: 20, high: 60);
        Assert.True(ev.Check!.TotalStateChange >= 60, $"tsc {ev.Check.TotalStateChange}");
        Assert.Equal(Check.FlappingState, ev.Check.State);
        Assert.True(ev.Check.History[^1].Flapping);

        // Steady OK results push the changes out of the window until the state change is at or below low.
        var previous = ev;
        var steps = 0;
        while (previous.Check!.State == Check.FlappingState && steps++ < 21)
        {
            var next = Apply(previous, Result(0, 2000 + steps, low: 20, high: 60)).Stored;
            if (next.Check!.State == Check.FlappingState)
                Assert.True(next.Check.TotalStateChange > 20);
            previous = next;
        }
        Assert.Equal(Check.PassingState, previous.Check.State);
        Assert.True(previous.Check.TotalStateChange <= 20);
        Assert.False(previous.Check.History[^1].Flapping);
    }

    [Fact]
    public void Without_both_thresholds_there_is_no_flapping_but_the_state_change_is_computed()
    {
        var ev = Sequence(Enumerable.Range(0, 21).Select(i => (uint)(i % 2)).ToArray(), low: 0, high: 60);
        Assert.Equal(98u, ev.Check!.TotalStateChange);
        Assert.NotEqual(Check.FlappingState, ev.Check.State);
    }

    [Fact]
    public void Total_state_change_is_zero_until_the_history_is_full()
    {
        var ev = Sequence(Enumerable.Range(0, 20).Select(i => (uint)(i % 2)).ToArray(), low: 20, high: 60);
        Assert.Equal(0u, ev.Check!.TotalStateChange);
    }

    [Fact]
    public void Critical_then_ok_is_a_resolution_not_an_incident()
    {
        var first = Apply(null, Result(2, 1000)).Stored;
        var (second, _) = Apply(first, Result(0, 1001));
        Assert.True(second.IsResolution);
        Assert.False(second.IsIncident);
        Assert.True(first.IsIncident);
        Assert.False(first.IsResolution);
    }

    [Fact]
    public void Output_over_max_output_size_is_truncated_in_the_stored_copy_only()
    {
        var result = Result(1, 1000);
        result.Check!.Output = "hello world";
        result.Check.MaxOutputSize = 5;
        result.Metrics = new Sensu.Core.Resources.Core.Metrics { Points = [new MetricPoint { Name = "cpu", Value = 1 }] };

        var (ev, stored) = Apply(null, result);
        Assert.Equal("hello world", ev.Check!.Output);
        Assert.NotNull(ev.Metrics);
        Assert.Equal("6", ev.Metadata.Labels![EventStateMachine.OutputTruncatedBytesLabel]);
        Assert.Equal("hello", stored.Check!.Output);
        Assert.Null(stored.Metrics);
        Assert.Equal("6", stored.Metadata.Labels![EventStateMachine.OutputTruncatedBytesLabel]);
    }

    [Fact]
    public void The_stored_json_is_said_to_be_the_event_only_when_nothing_was_stripped_or_truncated()
    {
        var plain = _machine.Apply(Result(2, 1000), null, []);
        Assert.True(plain.PersistedIsEvent);
        Assert.Equal(Sensu.Backend.Pipeline.Mutators.JsonMutator.ToJson(plain.Event), plain.PersistedJson);

        var withMetrics = Result(0, 1000);
        withMetrics.Metrics = new Sensu.Core.Resources.Core.Metrics { Points = [new MetricPoint { Name = "cpu", Value = 1 }] };
        Assert.False(_machine.Apply(withMetrics, null, []).PersistedIsEvent);

        var truncated = Result(0, 1000);
        truncated.Check!.Output = "hello world";
        truncated.Check.MaxOutputSize = 5;
        Assert.False(_machine.Apply(truncated, null, []).PersistedIsEvent);
    }

    [Fact]
    public void Truncation_does_not_split_a_multibyte_character()
    {
        var result = Result(0, 1000);
        result.Check!.Output = "aé"; // 3 bytes
        result.Check.MaxOutputSize = 2;
        var (_, stored) = Apply(null, result);
        Assert.Equal("a", stored.Check!.Output);
    }

    private Event Sequence(uint[] statuses, uint low = 0, uint high = 0)
    {
        Event? previous = null;
        for (var i = 0; i < statuses.Length; i++)
            previous = Apply(previous, Result(statuses[i], 1000 + i, low, high)).Stored;
        return previous!;
    }

    private (Event Event, Event Stored) Apply(Event? previous, Event result, IEnumerable<Silenced>? silences = null)
    {
        var transition = _machine.Apply(result, previous?.Check, silences ?? []);
        var stored = JsonSerializer.Deserialize(transition.PersistedJson, SensuJsonContext.Default.Event)!;
        return (transition.Event, stored);
    }

    internal static Event Result(uint status, long executed, uint low = 0, uint high = 0) => new()
    {
        Metadata = new() { Namespace = "default" },
        Entity = new Entity
        {
            EntityClass = Entity.AgentClass,
            Subscriptions = ["linux", "entity:web1"],
            Metadata = new() { Name = "web1", Namespace = "default" },
        },
        Check = new Check
        {
            Status = status,
            Executed = executed,
            Interval = 60,
            LowFlapThreshold = low,
            HighFlapThreshold = high,
            Subscriptions = ["linux"],
            Metadata = new() { Name = "check-cpu", Namespace = "default" },
        },
    };
}
