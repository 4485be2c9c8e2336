using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class EventTests
{
    private static Event Valid() => new()
    {
        Metadata = new ObjectMeta { Namespace = "default" },
        Entity = new Entity { EntityClass = "agent", Metadata = new ObjectMeta { Name = "web-01", Namespace = "default" } },
        Check = new Check { Metadata = new ObjectMeta { Name = "check-cpu", Namespace = "default" }, Interval = 60 },
        Id = "0f6a7e8b-8bbd-4a5c-9a8f-6f1d5a2e3b4c",
    };

    private static Check WithHistory(params (uint Status, bool Flapping)[] history)
    {
        var check = new Check { Metadata = new ObjectMeta { Name = "c" }, Status = history[^1].Status };
        foreach (var (status, flapping) in history)
            check.History.Add(new CheckHistory { Status = status, Flapping = flapping });
        return check;
    }

    [Fact]
    public void Valid_event_passes() => Valid().Validate();

    [Fact]
    public void Metrics_only_event_passes()
    {
        var e = Valid();
        e.Check = null;
        e.Metrics = new Metrics { Handlers = ["influxdb"], Points = [new MetricPoint { Name = "cpu", Value = 1.5, Timestamp = 1 }] };
        e.Validate();
        Assert.False(e.HasCheck);
        Assert.True(e.HasMetrics);
        Assert.True(e.HasMetricHandlers);
        Assert.False(e.IsIncident);
        Assert.False(e.IsResolution);
    }

    [Fact]
    public void Invalid_events_with_sensus_messages()
    {
        var e = Valid();
        e.Entity = null;
        Assert.Equal("event must contain an entity", Assert.Throws<ResourceValidationException>(e.Validate).Message);

        e = Valid();
        e.Check = null;
        Assert.Equal("event must contain a check or metrics", Assert.Throws<ResourceValidationException>(e.Validate).Message);

        e = Valid();
        e.Entity!.EntityClass = "";
        Assert.Equal("entity is invalid: entity class must not be empty", Assert.Throws<ResourceValidationException>(e.Validate).Message);

        e = Valid();
        e.Check!.Metadata.Name = "";
        Assert.StartsWith("check is invalid: ", Assert.Throws<ResourceValidationException>(e.Validate).Message);

        e = Valid();
        e.Metadata.Name = "named";
        Assert.Equal("events cannot be named", Assert.Throws<ResourceValidationException>(e.Validate).Message);

        e = Valid();
        e.Id = "not-a-uuid";
        Assert.StartsWith("event ID is invalid", Assert.Throws<ResourceValidationException>(e.Validate).Message);

        e = Valid();
        e.Pipelines = [new ResourceReference { Name = "p", Type = "Handler", ApiVersion = "core/v2" }];
        Assert.Equal(
            "pipeline reference is invalid: resource type not capable of acting as a pipeline: core/v2.Handler",
            Assert.Throws<ResourceValidationException>(e.Validate).Message);
        e.Pipelines = [new ResourceReference { Name = "p", Type = "Pipeline", ApiVersion = "core/v2" }];
        e.Validate();
    }

    [Fact]
    public void Json_field_set_matches_sensu()
    {
        var e = new Event();
        var json = JsonRoundTrip.Write(e, SensuJsonContext.Default.Event);
        Assert.Equal("""{"metadata":{},"id":null,"sequence":0,"pipelines":null}""", json.ToJsonString());

        var full = JsonRoundTrip.Write(Valid(), SensuJsonContext.Default.Event);
        Assert.Equal(["entity", "check", "metadata", "id", "sequence", "pipelines"], JsonRoundTrip.Keys(full));
    }

    [Fact]
    public void Id_is_canonicalised_and_empty_values_normalised_on_read()
    {
        var e = JsonRoundTrip.Read(
            """{"id":"0F6A7E8B-8BBD-4A5C-9A8F-6F1D5A2E3B4C","pipelines":null,"metrics":{"handlers":null,"points":[{"name":"","value":1,"timestamp":2,"tags":null}]}}""",
            SensuJsonContext.Default.Event);
        Assert.Equal("0f6a7e8b-8bbd-4a5c-9a8f-6f1d5a2e3b4c", e.Id);
        Assert.Empty(e.Pipelines);
        Assert.Empty(e.Metrics!.Handlers);
        Assert.Null(e.Metrics.Points[0].Name);
        Assert.Empty(e.Metrics.Points[0].Tags);
        var point = JsonRoundTrip.Write(e, SensuJsonContext.Default.Event)["metrics"]!["points"]![0]!.AsObject();
        Assert.Equal(["value", "timestamp", "tags"], JsonRoundTrip.Keys(point));
    }

    [Fact]
    public void Incident_resolution_and_silenced_predicates()
    {
        var e = Valid();
        e.Check = WithHistory((0, false));
        Assert.False(e.IsIncident);
        Assert.False(e.IsResolution);

        e.Check = WithHistory((0, false), (2, false));
        Assert.True(e.IsIncident);
        Assert.False(e.IsResolution);

        e.Check = WithHistory((2, false), (0, false));
        Assert.False(e.IsIncident);
        Assert.True(e.IsResolution);

        Assert.False(e.IsSilenced);
        e.Check.Silenced = ["linux:*"];
        Assert.True(e.IsSilenced);
    }

    [Fact]
    public void Flapping_start_and_end()
    {
        var e = Valid();
        e.Check = WithHistory((0, false), (1, true));
        e.Check.State = Check.FlappingState;
        Assert.True(e.IsFlappingStart);
        Assert.False(e.IsFlappingEnd);

        e.Check = WithHistory((1, true), (0, false));
        e.Check.State = Check.PassingState;
        Assert.False(e.IsFlappingStart);
        Assert.True(e.IsFlappingEnd);
    }

    [Fact]
    public void Set_namespace_reaches_entity_and_check()
    {
        var e = Valid();
        e.SetNamespace("ops");
        Assert.Equal("ops", e.Metadata.Namespace);
        Assert.Equal("ops", e.Entity!.Metadata.Namespace);
        Assert.Equal("ops", e.Check!.Metadata.Namespace);
    }
}
