using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Tests.JavaScript;

/// <summary>
/// Objects bound into the engine are filled only when touched; whatever a script can observe of them must be what
/// an eagerly built plain object shows. Run for globals given as <c>JsonNode</c> trees
/// (<see cref="LazyJsonObjectTests"/>) and as parsed documents (<see cref="LazyJsonElementObjectTests"/>).
/// </summary>
public abstract class LazyObjectTests : IDisposable
{
    protected const string EventJson = """
        {"check":{"status":2,"history":[{"status":0},{"status":2}],"labels":{}},
         "entity":{"metadata":{"name":"web-1"},"subscriptions":["a","b"],"system":{"os":"linux"}},"flag":true}
        """;

    private readonly List<JsonDocument> _documents = [];

    protected JintJavaScriptEngine Engine { get; } = new();

    public void Dispose()
    {
        Engine.Dispose();
        foreach (var document in _documents)
            document.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A scope whose global <c>event</c> is <paramref name="json"/>, bound the way the derived class tests.</summary>
    protected abstract JavaScriptScope Bind(string json, bool lift = false);

    protected JsonElement Parse(string json)
    {
        var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        _documents.Add(document);
        return document.RootElement;
    }

    private JavaScriptScope Scope() => Bind(EventJson);

    protected string Script(string script, bool lift = false, string json = EventJson) =>
        Engine.EvaluateScript(script, Bind(json, lift), CancellationToken.None)?.ToJsonString() ?? "null";

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
        var result = Engine.EvaluateScript("event", Scope(), CancellationToken.None);
        Assert.Equal(JsonNode.Parse(EventJson)!.ToJsonString(), result!.ToJsonString());
    }

    [Theory]
    [InlineData(false, "[null,null,\"web-1\"]")]
    [InlineData(true, "[\"web-1\",\"h\",\"own\"]")]
    public void Metadata_is_lifted_only_when_the_scope_asks_and_never_over_an_own_field(bool lift, string expected)
    {
        var result = Script(
            lift ? "[event.entity.name, event.hooks[0].name, event.check.name]" : "[event.entity.name, event.hooks[0].name, event.entity.metadata.name]",
            lift,
            """{"entity":{"metadata":{"name":"web-1"}},"hooks":[{"metadata":{"name":"h"}}],"check":{"name":"own","metadata":{"name":"cpu"}}}""");
        Assert.Equal(expected, result);
    }

    [Fact]
    public void A_global_nested_too_deep_fails_where_a_script_reaches_too_deep_with_a_clear_error()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "{}" + new string('}', 200);

        Assert.Equal("\"object\"", Script("typeof event.a.a", json: deep));
        var path = "event" + string.Concat(Enumerable.Repeat(".a", 150));
        var ex = Assert.Throws<JavaScriptEvaluationException>(() => Script("typeof " + path, json: deep));
        Assert.Contains("nested deeper than 128 levels", ex.Message, StringComparison.Ordinal);
    }
}

public sealed class LazyJsonObjectTests : LazyObjectTests
{
    protected override JavaScriptScope Bind(string json, bool lift = false) =>
        new() { Globals = { ["event"] = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) }, LiftMetadata = lift };
}

/// <summary>Globals read straight from a parsed document: one property read before the object is made whole.</summary>
public sealed class LazyJsonElementObjectTests : LazyObjectTests
{
    protected override JavaScriptScope Bind(string json, bool lift = false) =>
        new() { JsonGlobals = { ["event"] = Parse(json) }, LiftMetadata = lift };

    [Theory]
    [InlineData("var c = event.check; var h = c.history; Object.keys(event); [c === event.check, h === event.check.history]", "[true,true]")]
    [InlineData("var s = event.entity.system; s.arch = 'x'; event.entity.system.arch + '/' + Object.keys(event.entity.system)", "\"x/os,arch\"")]
    [InlineData("[typeof event.check.hasOwnProperty, event.check.nothing === undefined, event.check.status]", "[\"function\",true,2]")]
    [InlineData("event.check.status = 0; [event.check.status, Object.keys(event.check).length]", "[0,3]")]
    public void A_property_read_before_the_object_is_whole_is_the_one_it_then_holds(string script, string expected) =>
        Assert.Equal(expected, Script(script));

    [Fact]
    public void A_lifted_field_read_first_is_the_same_object_after_and_comes_after_the_own_fields()
    {
        const string json = """{"check":{"status":1,"metadata":{"name":"cpu","labels":{"tier":"1"}}}}""";
        Assert.Equal("[true,\"1\",\"status,metadata,name,labels\",false]", Script(
            "var l = event.check.labels; var keys = Object.keys(event.check).join(','); [l === event.check.labels, l.tier, keys, l === event.check.metadata.labels]",
            lift: true, json: json));
    }

    [Fact]
    public void A_name_given_twice_reads_as_its_last_value_before_and_after_the_object_is_whole()
    {
        const string json = """{"a":1,"b":{"x":1},"a":2}""";
        Assert.Equal("[2,2,\"a,b\"]", Script("var first = event.a; var keys = Object.keys(event).join(','); [first, event.a, keys]", json: json));
    }

    [Fact]
    public void A_name_bound_both_as_a_node_and_as_an_element_is_refused()
    {
        var scope = new JavaScriptScope { Globals = { ["event"] = new JsonObject() }, JsonGlobals = { ["event"] = Parse("{}") } };
        var ex = Assert.Throws<JavaScriptEvaluationException>(() => Engine.EvaluateScript("event", scope, CancellationToken.None));
        Assert.Contains("given twice", ex.Message, StringComparison.Ordinal);
    }
}
