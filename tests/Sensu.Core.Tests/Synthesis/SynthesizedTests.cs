using System.Text.Json.Nodes;
using Sensu.Core.Synthesis;

namespace Sensu.Core.Tests.Synthesis;

public sealed class SynthesizedTests
{
    [Fact]
    public void Metadata_fields_are_lifted_in_nested_objects_and_in_objects_inside_arrays_without_overwriting()
    {
        var node = JsonNode.Parse("""
            {"metadata":{"name":"ev","labels":{"a":"1"}},
             "check":{"name":"own","metadata":{"name":"cpu","namespace":"default"},
                      "hooks":[{"metadata":{"name":"hook-1"}},[{"metadata":{"name":"deep"}}],"text"]}}
            """)!.AsObject();

        var lifted = Synthesized.Lift(node);

        Assert.Equal("ev", (string?)lifted["name"]);
        Assert.Equal("1", (string?)lifted["labels"]!["a"]);
        Assert.Equal("own", (string?)lifted["check"]!["name"]);
        Assert.Equal("default", (string?)lifted["check"]!["namespace"]);
        Assert.Equal("hook-1", (string?)lifted["check"]!["hooks"]![0]!["name"]);
        Assert.Equal("deep", (string?)lifted["check"]!["hooks"]![1]![0]!["name"]);
        Assert.Equal("text", (string?)lifted["check"]!["hooks"]![2]);
        Assert.Equal("cpu", (string?)lifted["check"]!["metadata"]!["name"]);
    }
}
