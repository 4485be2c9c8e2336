using System.Text.Json.Nodes;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Tests.JavaScript;

/// <summary>
/// Objects bound into the engine are filled only when touched; whatever a script can observe of them must be what
/// an eagerly built plain object shows.
/// </summary>
public sealed class LazyJsonObjectTests : IDisposable
{
    private readonly JintJavaScriptEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    private static JavaScriptScope Scope() => new()
    {
        Globals =
        {
            ["event"] = JsonNode.Parse("""
                {"check":{"status":2,"history":[{"status":0},{"status":2}],"labels":{}},
                 "entity":{"metadata":{"name":"web-1"},"subscriptions":["a","b"],"system":{"os":"linux"}},"flag":true}
                """),
        },
    };

    private string Script(string script) => _engine.EvaluateScript(script, Scope(), CancellationToken.None)?.ToJsonString() ?? "null";

    [Theory]
    [InlineData("Object.keys(event)", """["check","entity","flag"]""")]
    [InlineData("Object.keys(event.entity.system)", """["os"]""")]
    [InlineData("'check' in event && !('nothing' in event) && event.hasOwnProperty('entity')", "true")]
    [InlineData("var k = []; for (var p in event.check) k.push(p); k", """["status","history","labels"]""")]
    [InlineData("Object.getPrototypeOf(event.check) === Object.prototype", "true")]
    [InlineData("typeof event.entity + '/' + Array.isArray(event.check.history)", "\"object/true\"")]
    [InlineData("event.check.history.map(function (h) { return h.status; })", "[0,2]")]
    [InlineData("JSON.parse(JSON.stringify(event.entity))", """{"metadata":{"name":"web-1"},"subscriptions":["a","b"],"system":{"os":"linux"}}""")]
    [InlineData("Object.assign({}, event.entity.metadata)", """{"name":"web-1"}""")]
    [InlineData("Object.entries(event.check.labels).length", "0")]
    public void Lazily_filled_objects_look_like_plain_objects(string script, string expected) =>
        Assert.Equal(expected, Script(script));

    [Fact]
    public void Writes_before_and_after_the_first_read_keep_both_the_written_and_the_bound_values()
    {
        Assert.Equal("""[9,"linux",3]""", Script("event.entity.system.arch = 9; event.check.status = 3; [event.entity.system.arch, event.entity.system.os, event.check.status]"));
        Assert.Equal("""{"os":"linux","added":1}""", Script("var s = event.entity.system; s.added = 1; s"));
        Assert.Equal("true", Script("delete event.entity.system.os; !('os' in event.entity.system)"));
    }

    [Fact]
    public void The_returned_value_of_a_script_is_the_whole_tree()
    {
        var result = _engine.EvaluateScript("event", Scope(), CancellationToken.None);
        Assert.Equal(Scope().Globals["event"]!.ToJsonString(), result!.ToJsonString());
    }

    [Theory]
    [InlineData(false, "[null,null,\"web-1\"]")]
    [InlineData(true, "[\"web-1\",\"h\",\"own\"]")]
    public void Metadata_is_lifted_only_when_the_scope_asks_and_never_over_an_own_field(bool lift, string expected)
    {
        var scope = new JavaScriptScope
        {
            Globals =
            {
                ["event"] = JsonNode.Parse("""
                    {"entity":{"metadata":{"name":"web-1"}},"hooks":[{"metadata":{"name":"h"}}],"check":{"name":"own","metadata":{"name":"cpu"}}}
                    """),
            },
            LiftMetadata = lift,
        };
        var result = _engine.EvaluateScript(
            lift ? "[event.entity.name, event.hooks[0].name, event.check.name]" : "[event.entity.name, event.hooks[0].name, event.entity.metadata.name]",
            scope, CancellationToken.None);
        Assert.Equal(expected, result?.ToJsonString());
    }

    [Fact]
    public void A_global_nested_too_deep_fails_where_a_script_reaches_too_deep_with_a_clear_error()
    {
        var root = new JsonObject();
        var node = root;
        for (var i = 0; i < 200; i++)
        {
            var child = new JsonObject();
            node["a"] = child;
            node = child;
        }
        JavaScriptScope Deep() => new() { Globals = { ["event"] = root.DeepClone() } };

        Assert.Equal("object", _engine.EvaluateScript("typeof event.a.a", Deep(), CancellationToken.None)?.GetValue<string>());
        var path = "event" + string.Concat(Enumerable.Repeat(".a", 150));
        var ex = Assert.Throws<JavaScriptEvaluationException>(() => _engine.EvaluateScript("typeof " + path, Deep(), CancellationToken.None));
        Assert.Contains("nested deeper than 128 levels", ex.Message, StringComparison.Ordinal);
    }
}
