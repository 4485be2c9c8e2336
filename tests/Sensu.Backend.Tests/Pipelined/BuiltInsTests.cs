using System.Text;
using System.Text.Json.Nodes;
using Sensu.Backend.Pipelined;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipelined;

public sealed class BuiltInsTests
{
    private static Event Make(uint status, uint previous, List<string>? silenced = null) => new()
    {
        Entity = new Entity
        {
            Metadata = new ObjectMeta { Name = "web1", Labels = new Dictionary<string, string> { ["password"] = "hunter22", ["region"] = "eu" } },
        },
        Check = new Check
        {
            Metadata = new ObjectMeta { Name = "c" },
            Status = status,
            Output = "the output",
            Silenced = silenced,
            History = [new CheckHistory { Status = previous }, new CheckHistory { Status = status }],
        },
    };

    [Theory]
    [InlineData(2u, 0u, true)]
    [InlineData(0u, 2u, true)]
    [InlineData(0u, 0u, false)]
    public void Is_incident_passes_incidents_and_resolutions(uint status, uint previous, bool passes) =>
        Assert.Equal(passes, BuiltInFilters.Evaluate(BuiltInFilters.IsIncident, Make(status, previous)));

    [Fact]
    public void Not_silenced_has_metrics_and_unknown_filters()
    {
        Assert.Equal(false, BuiltInFilters.Evaluate(BuiltInFilters.NotSilenced, Make(2, 0, ["linux:*"])));
        Assert.Equal(true, BuiltInFilters.Evaluate(BuiltInFilters.NotSilenced, Make(2, 0)));
        Assert.Equal(false, BuiltInFilters.Evaluate(BuiltInFilters.HasMetrics, Make(2, 0)));
        Assert.Null(BuiltInFilters.Evaluate("custom", Make(2, 0)));
    }

    [Fact]
    public void Json_is_the_default_mutator_and_redacts_the_entity()
    {
        var ev = Make(2, 0);
        var json = JsonNode.Parse(BuiltInMutators.Mutate(null, ev)!)!;
        Assert.Equal("REDACTED", json["entity"]!["metadata"]!["labels"]!["password"]!.GetValue<string>());
        Assert.Equal("eu", json["entity"]!["metadata"]!["labels"]!["region"]!.GetValue<string>());
        Assert.Equal("hunter22", ev.Entity!.Metadata.Labels!["password"]);
        Assert.Equal("the output", Encoding.UTF8.GetString(BuiltInMutators.Mutate(BuiltInMutators.OnlyCheckOutput, ev)!));
        Assert.Null(BuiltInMutators.Mutate("custom", ev));
    }
}
