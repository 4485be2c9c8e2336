using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class PipelineTests
{
    private static ResourceReference Ref(string type, string name) => new() { Name = name, Type = type, ApiVersion = "core/v2" };

    private static Pipeline Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "incident_alerts", Namespace = "default" },
        Workflows =
        [
            new PipelineWorkflow
            {
                Name = "slack_alerts",
                Filters = [Ref("EventFilter", "is_incident")],
                Mutator = Ref("Mutator", "only_check_output"),
                Handler = Ref("Handler", "slack"),
            },
        ],
    };

    private static string ErrorOf(Action<Pipeline> change)
    {
        var pipeline = Valid();
        change(pipeline);
        return Assert.Throws<ResourceValidationException>(pipeline.Validate).Message;
    }

    [Fact]
    public void Valid_pipeline_passes() => Valid().Validate();

    [Fact]
    public void Pipeline_rules_reject_bad_references()
    {
        Assert.Equal("workflow handler must be set", ErrorOf(p => p.Workflows[0].Handler = null));
        Assert.Equal("workflow handler resource type not capable of handling events: core/v2.Mutator",
            ErrorOf(p => p.Workflows[0].Handler = Ref("Mutator", "m")));
        Assert.Equal("workflow filter resource type not capable of filtering events: core/v2.Handler",
            ErrorOf(p => p.Workflows[0].Filters = [Ref("Handler", "h")]));
        Assert.Equal("workflow mutator resource type not capable of mutating events: core/v2.Handler",
            ErrorOf(p => p.Workflows[0].Mutator = Ref("Handler", "h")));
        Assert.Equal("workflow handler type must be set",
            ErrorOf(p => p.Workflows[0].Handler = new ResourceReference { Name = "slack", ApiVersion = "core/v2" }));
        Assert.Equal("workflow filter api_version must be set",
            ErrorOf(p => p.Workflows[0].Filters = [new ResourceReference { Name = "f", Type = "EventFilter" }]));
        Assert.Equal("workflow name must not be empty", ErrorOf(p => p.Workflows[0].Name = ""));
        Assert.Equal("name cannot contain spaces or special characters", ErrorOf(p => p.Metadata.Name = "a b"));
        Assert.Equal("namespace must be set", ErrorOf(p => p.Metadata.Namespace = null));
    }

    [Fact]
    public void Pipeline_round_trips()
    {
        const string input = """
            {"metadata":{"name":"p","namespace":"default"},"workflows":[{"name":"w","filters":[{"name":"is_incident","type":"EventFilter","api_version":"core/v2"}],
             "handler":{"name":"slack","type":"Handler","api_version":"core/v2"}}]}
            """;
        var p = JsonRoundTrip.Read(input, SensuJsonContext.Default.Pipeline);
        p.Validate();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonRoundTrip.Write(p, SensuJsonContext.Default.Pipeline)));
        var empty = JsonRoundTrip.Write(new Pipeline(), SensuJsonContext.Default.Pipeline);
        Assert.Equal("""{"metadata":{},"workflows":null}""", empty.ToJsonString());
    }
}
