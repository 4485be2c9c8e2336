using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class EventFilterTests
{
    private static EventFilter Valid() => new()
    {
        Action = EventFilter.AllowAction,
        Expressions = ["event.check.occurrences == 1"],
        Metadata = new ObjectMeta { Name = "first", Namespace = "default" },
    };

    private static string ErrorOf(Action<EventFilter> change)
    {
        var filter = Valid();
        change(filter);
        return Assert.Throws<ResourceValidationException>(filter.Validate).Message;
    }

    [Fact]
    public void Valid_filter_passes() => Valid().Validate();

    [Fact]
    public void Filter_rules_use_sensus_messages()
    {
        Assert.Equal("action 'maybe' is not valid", ErrorOf(f => f.Action = "maybe"));
        Assert.Equal("action '' is not valid", ErrorOf(f => f.Action = null));
        Assert.Equal("filter must have one or more expressions", ErrorOf(f => f.Expressions = []));
        Assert.StartsWith("syntax error in expression 0: ", ErrorOf(f => f.Expressions = ["event.check.status =="]));
        Assert.Equal("filter name must not be empty", ErrorOf(f => f.Metadata.Name = ""));
        Assert.Equal("namespace must be set", ErrorOf(f => f.Metadata.Namespace = null));
    }

    [Fact]
    public void Time_windows_are_validated()
    {
        var f = Valid();
        f.When = new TimeWindowWhen { Days = new TimeWindowDays { All = [new TimeWindowTimeRange { Begin = "5:00 PM", End = "8:00 AM" }] } };
        f.Validate();
        f.When = new TimeWindowWhen { Days = new TimeWindowDays { Monday = [new TimeWindowTimeRange { Begin = "25:00 PM", End = "8:00 AM" }] } };
        f.Validate(); // Sensu's EventFilter.Validate does not look at its time windows
        Assert.Contains("\"25:00 PM\"", Assert.Throws<ResourceValidationException>(f.When.Validate).Message);
    }

    [Fact]
    public void Minimal_filter_writes_sensus_field_set()
    {
        var json = JsonRoundTrip.Write(new EventFilter { Metadata = new ObjectMeta { Name = "f" } }, SensuJsonContext.Default.EventFilter);
        Assert.Equal(["expressions", "metadata", "runtime_assets"], JsonRoundTrip.Keys(json).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Filter_with_when_round_trips()
    {
        const string input = """
            {"metadata":{"name":"nine_to_fiver","namespace":"default"},"action":"allow","expressions":["weekday(event.timestamp) >= 1"],
             "runtime_assets":null,"when":{"days":{"all":[{"begin":"9:00 AM","end":"5:00 PM"}],"friday":[{"begin":"9:00 AM","end":"1:00 PM"}]}}}
            """;
        var f = JsonRoundTrip.Read(input, SensuJsonContext.Default.EventFilter);
        f.Validate();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonRoundTrip.Write(f, SensuJsonContext.Default.EventFilter)));
    }
}
