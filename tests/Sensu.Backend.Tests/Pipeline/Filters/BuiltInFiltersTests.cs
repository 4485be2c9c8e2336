using System.Text;
using System.Text.Json.Nodes;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipeline.Filters;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline.Filters;

/// <summary>The built-in filters (<c>is_incident</c>, <c>not_silenced</c>, <c>has_metrics</c>) and the view filters see.</summary>
public sealed class BuiltInFiltersTests
{
    private static Event Make(uint status, uint previous, List<string>? silenced = null) => BuiltInStageEvents.Make(status, previous, silenced);

    private static ResourceReference Filter(string name) => new() { Name = name, Type = "EventFilter", ApiVersion = "core/v2" };

    [Theory]
    [InlineData(2u, 0u, true)]
    [InlineData(0u, 2u, true)]
    [InlineData(0u, 0u, false)]
    public void Is_incident_passes_incidents_and_resolutions(uint status, uint previous, bool passes) =>
        Assert.Equal(passes, new IsIncidentFilter().Passes(Make(status, previous)));

    [Fact]
    public void Not_silenced_has_metrics_and_which_references_they_take()
    {
        Assert.False(new NotSilencedFilter().Passes(Make(2, 0, ["linux:*"])));
        Assert.True(new NotSilencedFilter().Passes(Make(2, 0)));
        Assert.False(new HasMetricsFilter().Passes(Make(2, 0)));
        Assert.True(new IsIncidentFilter().CanFilter(Filter("is_incident")));
        Assert.False(new IsIncidentFilter().CanFilter(Filter("custom")));
        Assert.False(new IsIncidentFilter().CanFilter(new ResourceReference { Name = "is_incident", Type = "Handler", ApiVersion = "core/v2" }));
    }

    [Fact]
    public void Filter_view_has_lifted_metadata_extras_and_a_redacted_entity()
    {
        var view = FilterEventView.Build(Make(2, 0));
        Assert.Equal("web1", view["entity"]!["name"]!.GetValue<string>());
        Assert.Equal("REDACTED", view["entity"]!["labels"]!["password"]!.GetValue<string>());
        Assert.Equal("c", view["check"]!["name"]!.GetValue<string>());
        Assert.NotNull(view["check"]!["labels"] as JsonObject);
        Assert.True(view["is_incident"]!.GetValue<bool>());
        Assert.False(view["is_resolution"]!.GetValue<bool>());
        Assert.True(view["has_check"]!.GetValue<bool>());
    }

    [Fact]
    public void A_script_sees_the_same_view_lifted_as_it_touches_it_as_the_whole_view_lifted_at_once()
    {
        var ev = Make(2, 0);
        ev.Metadata = new ObjectMeta { Namespace = "default", Annotations = new Dictionary<string, string> { ["team"] = "ops" } };
        ev.Check!.Metadata.Labels = new Dictionary<string, string> { ["tier"] = "1" };
        ev.Check.Hooks = [new HookResult { Metadata = new ObjectMeta { Name = "hook-1" }, Command = "true", Output = "hooked" }];
        using var engine = new Sensu.Execution.JavaScript.JintJavaScriptEngine();
        using var document = System.Text.Json.JsonDocument.Parse(FilterEventView.ToUtf8(ev));
        var scope = new Sensu.Execution.JavaScript.JavaScriptScope { JsonGlobals = { ["event"] = document.RootElement }, LiftMetadata = true };

        var seen = engine.EvaluateScript("event", scope, CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(FilterEventView.Build(ev), seen), seen?.ToJsonString());
        var lifted = new Sensu.Execution.JavaScript.JavaScriptScope { JsonGlobals = { ["event"] = document.RootElement }, LiftMetadata = true };
        Assert.Equal(
            "c/1/web1/REDACTED/eu/ops/hook-1/default",
            engine.EvaluateScript(
                "[event.check.name, event.check.labels.tier, event.entity.name, event.entity.labels.password, event.entity.metadata.labels.region, event.annotations.team, event.check.hooks[0].name, event.namespace].join('/')",
                lifted, CancellationToken.None)?.GetValue<string>());
    }

    [Fact]
    public void The_parsed_filter_view_is_the_view_json_and_leaves_the_event_as_it_was()
    {
        var small = Make(2, 0);
        var large = Make(0, 2);
        large.Check!.Output = new string('x', 1_500_000);
        foreach (var ev in new[] { small, large, small })
        {
            using var document = FilterEventView.Parse(ev);
            Assert.Equal(Encoding.UTF8.GetString(FilterEventView.ToUtf8(ev)), document.Root.GetRawText());
            Assert.True(document.Root.GetProperty("check").GetProperty("metadata").TryGetProperty("labels", out _));
            Assert.Equal(ev.IsIncident, document.Root.GetProperty("is_incident").GetBoolean());
        }
        Assert.Null(small.Check!.Metadata.Labels);
        Assert.Null(small.Metadata.Labels);
        Assert.Null(small.Entity!.Metadata.Annotations);
        Assert.Equal("hunter22", small.Entity.Metadata.Labels!["password"]);
    }
}
