using System.Diagnostics;
using System.Text.Json.Nodes;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Tests.JavaScript;

/// <summary><see cref="IJavaScriptEngine.EvaluateTruthiness"/>: event filter semantics of core-spec §5.3 step 9.</summary>
public sealed class TruthinessTests : IDisposable
{
    private static readonly JsonNode Event = JsonNode.Parse("""
        { "check": { "status": 2, "output": "CPU 97%", "labels": { "team": "ops" } }, "entity": { "name": "web-1" } }
        """)!;

    private readonly JintJavaScriptEngine _engine = new(new JavaScriptEngineOptions { Timeout = TimeSpan.FromMilliseconds(300), MaxStatements = 0 });

    public void Dispose() => _engine.Dispose();

    private static JavaScriptScope Scope() => new() { Globals = { ["event"] = Event.DeepClone() } };

    private IReadOnlyList<JavaScriptExpressionResult> Evaluate(bool stopAt, params string[] expressions) =>
        _engine.EvaluateTruthiness(expressions, Scope(), stopAt, CancellationToken.None);

    [Theory]
    [InlineData("event.check.status", true)]
    [InlineData("event.check.output", true)]
    [InlineData("event.check.labels", true)]
    [InlineData("[]", true)]
    [InlineData("(function () {})", true)]
    [InlineData("event.check.status - 2", false)]
    [InlineData("''", false)]
    [InlineData("null", false)]
    [InlineData("event.check.missing", false)]
    [InlineData("NaN", false)]
    [InlineData("event.check.status == 2", true)]
    public void Values_are_coerced_with_javascript_truthiness(string expression, bool expected)
    {
        var result = Assert.Single(Evaluate(stopAt: !expected, expression));
        Assert.Null(result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void Evaluation_stops_after_the_first_decisive_expression()
    {
        var results = Evaluate(false, "true", "0", "event.check.status");
        Assert.Equal([true, false], results.Select(r => r.Value!.Value));
        results = Evaluate(true, "0", "'x'", "event.check.status");
        Assert.Equal([false, true], results.Select(r => r.Value!.Value));
    }

    [Fact]
    public void Failing_expressions_are_reported_one_by_one_and_the_others_still_run()
    {
        var results = Evaluate(false, "event.check.nothing.deeper", "function (", "throw 'plain'", "event.check.status == 2");
        Assert.Equal(4, results.Count);
        Assert.Contains("TypeError", results[0].Error, StringComparison.Ordinal);
        Assert.StartsWith("syntax error in expression \"function (\"", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("threw", results[2].Error, StringComparison.Ordinal);
        Assert.All(results.Take(3), r => Assert.Null(r.Value));
        Assert.True(results[3].Value);
        Assert.Null(results[3].Error);
    }

    [Fact]
    public void An_endless_loop_times_out_and_the_next_expression_gets_a_fresh_budget()
    {
        Assert.True(Assert.Single(Evaluate(false, "true")).Value); // engine built before timing
        var watch = Stopwatch.StartNew();
        var results = Evaluate(false, "while (true) {}", "(function () { var n = 0; for (var i = 0; i < 1000; i++) n += i; return n; })()");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Contains("timed out after 0.3 s", results[0].Error, StringComparison.Ordinal);
        Assert.True(results[1].Value);
        Assert.True(Assert.Single(Evaluate(false, "event.entity.name == 'web-1'")).Value);
    }

    [Fact]
    public void A_broken_library_concerns_every_expression_and_throws()
    {
        var error = Assert.Throws<JavaScriptEvaluationException>(() =>
            _engine.EvaluateTruthiness(["true"], new JavaScriptScope { Libraries = ["throw new Error('bad library')"] }, false, CancellationToken.None));
        Assert.Contains("bad library", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Libraries_are_in_scope()
    {
        var scope = new JavaScriptScope { Globals = { ["event"] = Event.DeepClone() }, Libraries = ["function critical(e) { return e.check.status === 2 ? 'yes' : '' }"] };
        Assert.True(Assert.Single(_engine.EvaluateTruthiness(["critical(event)"], scope, false, CancellationToken.None)).Value);
    }

    [Fact]
    public void Cancellation_throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => _engine.EvaluateTruthiness(["true"], Scope(), false, cancelled.Token));
    }

    [Fact]
    public void The_default_implementation_applies_truthiness_to_the_json_result()
    {
        IJavaScriptEngine scriptOnly = new ScriptOnlyEngine(_engine);
        var results = scriptOnly.EvaluateTruthiness(["event.check.output", "event.nope.x", "0", "1"], Scope(), false, CancellationToken.None);
        Assert.Equal(3, results.Count);
        Assert.True(results[0].Value);
        Assert.NotNull(results[1].Error);
        Assert.False(results[2].Value);
    }

    [Theory]
    [InlineData("null", false)]
    [InlineData("0", false)]
    [InlineData("0.0", false)]
    [InlineData("-0", false)]
    [InlineData("\"\"", false)]
    [InlineData("false", false)]
    [InlineData("1e-9", true)]
    [InlineData("\"0\"", true)]
    [InlineData("{}", true)]
    [InlineData("[]", true)]
    public void Json_truthiness(string json, bool expected) => Assert.Equal(expected, JsonTruthiness.Of(JsonNode.Parse(json)));

    /// <summary>An engine that implements only the two original members, so the interface's default method is used.</summary>
    private sealed class ScriptOnlyEngine(IJavaScriptEngine inner) : IJavaScriptEngine
    {
        public bool EvaluatePredicates(IReadOnlyList<string> expressions, JavaScriptScope scope, CancellationToken cancellationToken) =>
            inner.EvaluatePredicates(expressions, scope, cancellationToken);

        public JsonNode? EvaluateScript(string script, JavaScriptScope scope, CancellationToken cancellationToken) =>
            inner.EvaluateScript(script, scope, cancellationToken);
    }
}
