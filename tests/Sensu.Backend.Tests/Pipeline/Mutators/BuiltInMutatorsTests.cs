using System.Text;
using System.Text.Json.Nodes;
using Sensu.Backend.Pipeline;
using Sensu.Backend.Pipeline.Mutators;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline.Mutators;

/// <summary>The built-in mutators (<c>json</c>, <c>only_check_output</c>).</summary>
public sealed class BuiltInMutatorsTests
{
    private static Event Make(uint status, uint previous, List<string>? silenced = null) => BuiltInStageEvents.Make(status, previous, silenced);

    private static ResourceReference Mutator(string name) => new() { Name = name, Type = "Mutator", ApiVersion = "core/v2" };

    [Fact]
    public async Task Json_is_the_default_mutator_and_redacts_the_entity()
    {
        var ev = Make(2, 0);
        var json = new JsonMutator();
        Assert.True(json.CanMutate(null));
        Assert.True(json.CanMutate(Mutator("json")));
        Assert.False(json.CanMutate(Mutator("custom")));
        var node = JsonNode.Parse(await json.MutateAsync(null, ev, CancellationToken.None))!;
        Assert.Equal("REDACTED", node["entity"]!["metadata"]!["labels"]!["password"]!.GetValue<string>());
        Assert.Equal("eu", node["entity"]!["metadata"]!["labels"]!["region"]!.GetValue<string>());
        Assert.Equal("hunter22", ev.Entity!.Metadata.Labels!["password"]);
    }

    [Fact]
    public async Task Only_check_output_gives_the_output_and_fails_without_a_check()
    {
        var mutator = new OnlyCheckOutputMutator();
        Assert.True(mutator.CanMutate(Mutator("only_check_output")));
        Assert.Equal("the output", Encoding.UTF8.GetString(await mutator.MutateAsync(Mutator("only_check_output"), Make(2, 0), CancellationToken.None)));
        var metricsOnly = new Event { Entity = new Entity { Metadata = new ObjectMeta { Name = "e" } }, Metrics = new Sensu.Core.Resources.Core.Metrics() };
        var ex = await Assert.ThrowsAsync<PipelineStageException>(async () => await mutator.MutateAsync(Mutator("only_check_output"), metricsOnly, CancellationToken.None));
        Assert.Contains("no check", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_says_it_emits_the_stored_json_only_when_the_entity_has_nothing_to_redact()
    {
        var plain = new Event { Entity = new Entity { Metadata = new ObjectMeta { Name = "web1", Labels = new Dictionary<string, string> { ["region"] = "eu" } } } };
        Assert.True(new JsonMutator().EmitsStoredJson(plain));
        Assert.False(new JsonMutator().EmitsStoredJson(Make(2, 0)));
        Assert.False(new OnlyCheckOutputMutator().EmitsStoredJson(plain));
    }
}
