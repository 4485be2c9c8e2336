using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Tests.JavaScript;

public sealed class JintJavaScriptEngineTests : IDisposable
{
    private static readonly JsonNode Event = JsonNode.Parse("""
        {
          "timestamp": 1520275913,
          "check": { "name": "check-cpu", "status": 2, "occurrences": 3, "interval": 60, "output": "CPU 97%",
                     "labels": { "team": "ops" }, "metadata": { "name": "check-cpu" } },
          "entity": { "name": "web-1", "entity_class": "agent", "system": { "os": "linux" },
                      "subscriptions": ["linux", "web"], "labels": {} },
          "is_incident": true
        }
        """)!;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_520_275_913 + 90));
    private readonly JintJavaScriptEngine _engine;

    public JintJavaScriptEngineTests() => _engine = new JintJavaScriptEngine(new JavaScriptEngineOptions(), _time);

    public void Dispose() => _engine.Dispose();

    private static JavaScriptScope EventScope() => new() { Globals = { ["event"] = Event.DeepClone() } };

    private bool Filter(params string[] expressions) => _engine.EvaluatePredicates(expressions, EventScope(), CancellationToken.None);

    private JavaScriptEvaluationException FilterFails(params string[] expressions) =>
        Assert.Throws<JavaScriptEvaluationException>(() => Filter(expressions));

    [Theory]
    [InlineData("event.check.status == 2", true)]
    [InlineData("event.check.status === 0", false)]
    [InlineData("event.entity.system.os == 'linux' && event.check.occurrences >= 3", true)]
    [InlineData("event.check.labels.team === 'ops'", true)]
    [InlineData("event.entity.subscriptions.indexOf('web') >= 0", true)]
    [InlineData("event.check.output.match(/CPU \\d+%/) !== null", true)]
    [InlineData("event.is_incident", true)]
    public void Expressions_see_the_event(string expression, bool expected) => Assert.Equal(expected, Filter(expression));

    [Fact]
    public void Every_expression_must_be_true() => Assert.False(Filter("event.check.status == 2", "event.check.occurrences > 10"));

    [Fact]
    public void No_expression_is_true() => Assert.True(Filter());

    [Theory]
    [InlineData("hour(event.timestamp) == 18")]
    [InlineData("minute(event.timestamp) == 51")]
    [InlineData("second(event.timestamp) == 53")]
    [InlineData("weekday(event.timestamp) == 1")] // Monday, 5 March 2018 (Sunday = 0)
    [InlineData("seconds_since(event.timestamp) == 90")]
    [InlineData("hour() === 0 && weekday() === 0")]
    [InlineData("typeof sensu === 'object' && Object.keys(sensu).length === 0")]
    public void Sensu_helpers_are_available(string expression) => Assert.True(Filter(expression));

    [Fact]
    public void Seconds_since_follows_the_time_provider()
    {
        _time.Advance(TimeSpan.FromMilliseconds(1500));
        Assert.True(Filter("seconds_since(event.timestamp) == 91.5"));
    }

    [Fact]
    public void A_non_boolean_result_is_an_error_naming_the_expression()
    {
        var error = FilterFails("event.check.status");
        Assert.Contains("\"event.check.status\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("not a boolean", error.Message, StringComparison.Ordinal);
        Assert.Contains("number 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_expression_and_the_parser_message()
    {
        var error = FilterFails("event.check.status ==");
        Assert.StartsWith("syntax error in expression \"event.check.status ==\": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thrown_error_names_the_expression_and_the_error()
    {
        var error = FilterFails("event.nothing.here == 1");
        Assert.Contains("\"event.nothing.here == 1\" threw TypeError", error.Message, StringComparison.Ordinal);
        var thrown = FilterFails("(function () { throw new Error('boom') })()");
        Assert.Contains("threw Error: boom", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_loop_times_out_quickly()
    {
        using var engine = new JintJavaScriptEngine(new JavaScriptEngineOptions { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = 0 });
        Assert.True(engine.EvaluatePredicates(["true"], EventScope(), CancellationToken.None)); // the pooled engine is built (and Jint compiled) before timing
        var watch = Stopwatch.StartNew();
        var error = Assert.Throws<JavaScriptEvaluationException>(() =>
            engine.EvaluatePredicates(["while (true) {}"], EventScope(), CancellationToken.None));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Contains("\"while (true) {}\" timed out after 0.2 s", error.Message, StringComparison.Ordinal);
        Assert.True(engine.EvaluatePredicates(["event.check.status == 2"], EventScope(), CancellationToken.None));
    }

    [Fact]
    public void The_default_timeout_is_one_second()
    {
        Assert.True(Filter("true"));
        var watch = Stopwatch.StartNew();
        var error = FilterFails("for (;;) { Math.random() }");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        // Whichever sandbox limit an endless loop reaches first stops it; on a fast machine an allocating loop reaches
        // the statement or the memory limit before the one-second timeout. The bound above is the point.
        Assert.Matches("timed out|exceeded the limit of [0-9]+ statements|exceeded the memory limit", error.Message);
    }

    [Fact]
    public void The_statement_limit_applies()
    {
        using var engine = new JintJavaScriptEngine(new JavaScriptEngineOptions { MaxStatements = 1000 });
        var error = Assert.Throws<JavaScriptEvaluationException>(() =>
            engine.EvaluatePredicates(["var i = 0; while (true) { i++ }"], EventScope(), CancellationToken.None));
        Assert.Contains("limit of 1000 statements", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_memory_bomb_hits_the_memory_limit()
    {
        using var engine = new JintJavaScriptEngine(new JavaScriptEngineOptions { MemoryLimitBytes = 8 * 1024 * 1024, Timeout = TimeSpan.FromSeconds(10) });
        var error = Assert.Throws<JavaScriptEvaluationException>(() =>
            engine.EvaluatePredicates(["var a = []; while (true) { a.push('x'.repeat(100000) + a.length) }"], EventScope(), CancellationToken.None));
        Assert.Contains("memory limit of 8388608 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runaway_recursion_is_stopped()
    {
        var error = FilterFails("(function f(n) { return f(n + 1) })(0)");
        Assert.Contains("recursion limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_stops_a_running_script()
    {
        using var engine = new JintJavaScriptEngine(new JavaScriptEngineOptions { Timeout = TimeSpan.FromSeconds(30), MaxStatements = 0 });
        Assert.True(engine.EvaluatePredicates(["true"], EventScope(), CancellationToken.None));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();
        Assert.ThrowsAny<OperationCanceledException>(() => engine.EvaluatePredicates(["while (true) {}"], EventScope(), cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("typeof System === 'undefined'")]
    [InlineData("typeof importNamespace === 'undefined'")]
    [InlineData("typeof clr === 'undefined' && typeof require === 'undefined' && typeof host === 'undefined'")]
    [InlineData("typeof hour.constructor('return this')().System === 'undefined'")]
    public void The_clr_is_out_of_reach(string expression) => Assert.True(Filter(expression));

    [Fact]
    public void Helpers_and_built_ins_cannot_be_replaced_for_later_calls()
    {
        Assert.False(Filter("hour = function () { return 99 }; Array.prototype.indexOf = function () { return 7 }; Object.prototype.polluted = 1; JSON.parse = null; false"));
        Assert.True(Filter("hour(0) === 0 && [1].indexOf(5) === -1 && ({}).polluted === undefined && typeof JSON.parse === 'function'"));
    }

    [Fact]
    public void Globals_a_script_creates_do_not_leak_into_the_next_call()
    {
        Assert.True(Filter("leaked = 1; globalThis.other = 2; true"));
        Assert.True(Filter("var declared = 3; let lexical = 4; true"));
        Assert.True(Filter("typeof leaked === 'undefined' && typeof other === 'undefined' && typeof declared === 'undefined'"));
        Assert.True(Filter("let lexical = 5; lexical === 5"));
    }

    [Theory]
    [InlineData("event.check.status != 0", true)]
    [InlineData("a && b || !c", true)]
    [InlineData("typeof x === 'undefined' ? [1, ...y].length : ({ a: 1, [k]: 2 }).a", true)]
    [InlineData("`${event.check.output}` == 'y', event?.check?.status", true)]
    [InlineData("x = 1", false)]
    [InlineData("event.check.status++", false)]
    [InlineData("delete event.check", false)]
    [InlineData("hour(event.timestamp) > 2", false)]
    [InlineData("new Date(0)", false)]
    [InlineData("(function () {})", false)]
    [InlineData("(() => 1)", false)]
    [InlineData("({ get a() { return 1 } }).a", false)]
    [InlineData("({ m() {} })", false)]
    [InlineData("this.x", false)]
    [InlineData("var x = 1", false)]
    [InlineData("if (a) b", false)]
    [InlineData("tag`x`", false)]
    public void Only_scripts_that_merely_read_are_inert(string source, bool inert) =>
        Assert.Equal(inert, CachedScript.Parse(source).Inert);

    [Fact]
    public void The_globals_of_a_call_that_only_read_are_removed_for_the_next_call()
    {
        Assert.True(_engine.EvaluatePredicates(["event.check.status === 2"], EventScope(), CancellationToken.None));
        Assert.True(_engine.EvaluatePredicates(["typeof event === 'undefined'"], new JavaScriptScope(), CancellationToken.None));
        Assert.True(Filter("leaked = 1; true"));
        Assert.True(_engine.EvaluatePredicates(["typeof leaked === 'undefined' && typeof event === 'undefined'"], new JavaScriptScope(), CancellationToken.None));
    }

    [Fact]
    public void A_scope_global_cannot_replace_a_helper()
    {
        var error = Assert.Throws<JavaScriptEvaluationException>(() =>
            _engine.EvaluatePredicates(["true"], new JavaScriptScope { Globals = { ["hour"] = 1 } }, CancellationToken.None));
        Assert.Contains("\"hour\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Libraries_run_before_the_expression()
    {
        var scope = new JavaScriptScope
        {
            Globals = { ["event"] = Event.DeepClone() },
            Libraries = ["function is_critical(e) { return e.check.status === 2 }", "var threshold = 3;"],
        };
        Assert.True(_engine.EvaluatePredicates(["is_critical(event) && event.check.occurrences >= threshold"], scope, CancellationToken.None));
        Assert.True(_engine.EvaluatePredicates(["typeof is_critical === 'undefined'"], EventScope(), CancellationToken.None));
    }

    [Fact]
    public void A_broken_library_is_reported()
    {
        var syntax = Assert.Throws<JavaScriptEvaluationException>(() => _engine.EvaluatePredicates(["true"],
            new JavaScriptScope { Libraries = ["function ("] }, CancellationToken.None));
        Assert.StartsWith("syntax error in library 0", syntax.Message, StringComparison.Ordinal);
        var thrown = Assert.Throws<JavaScriptEvaluationException>(() => _engine.EvaluatePredicates(["true"],
            new JavaScriptScope { Libraries = ["throw new Error('bad library')"] }, CancellationToken.None));
        Assert.Contains("bad library", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scripts_return_their_completion_value_as_json()
    {
        var scope = EventScope();
        var result = _engine.EvaluateScript("(function () { event.check.output = 'x'; return event; }())", scope, CancellationToken.None);
        Assert.Equal("x", (string?)result!["check"]!["output"]);
        Assert.Equal("hello", (string?)_engine.EvaluateScript("(function () { return 'hello' }())", EventScope(), CancellationToken.None));
        Assert.Equal(5, (int)_engine.EvaluateScript("2 + 3", EventScope(), CancellationToken.None)!);
        Assert.Null(_engine.EvaluateScript("(function () {}())", EventScope(), CancellationToken.None));
        Assert.Null(_engine.EvaluateScript("null", EventScope(), CancellationToken.None));
    }

    [Fact]
    public void Script_errors_name_the_script()
    {
        var error = Assert.Throws<JavaScriptEvaluationException>(() => _engine.EvaluateScript("undefinedThing()", EventScope(), CancellationToken.None));
        Assert.Contains("script \"undefinedThing()\" threw ReferenceError", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Globals_may_be_any_json()
    {
        var scope = new JavaScriptScope { Globals = { ["n"] = null, ["s"] = "text", ["x"] = 1.5, ["a"] = new JsonArray(1, "b", true), ["big"] = long.MaxValue } };
        Assert.True(_engine.EvaluatePredicates(["n === null && s === 'text' && x === 1.5 && a.length === 3 && a[2] === true && big > 9e18"], scope, CancellationToken.None));
    }

    [Fact]
    public void Concurrent_calls_are_isolated()
    {
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var scope = new JavaScriptScope { Globals = { ["entity"] = new JsonObject { ["n"] = i } } };
            Assert.True(_engine.EvaluatePredicates([$"entity.n === {i}", "typeof event === 'undefined'"], scope, CancellationToken.None));
        });
    }
}
