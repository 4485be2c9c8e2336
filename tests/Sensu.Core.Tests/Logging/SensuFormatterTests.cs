using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sensu.Core.Logging;

namespace Sensu.Core.Tests.Logging;

/// <summary>Issue 21, deliverable 2: one entry as Sensu writes it, in JSON and in the text format.</summary>
public sealed class SensuFormatterTests
{
    private static string Write(Microsoft.Extensions.Logging.Console.ConsoleFormatter formatter, string category, LogLevel level, Exception? exception = null)
    {
        var state = new List<KeyValuePair<string, object?>>
        {
            new("AgentName", "web 1"),
            new("Count", 3),
            new("{OriginalFormat}", "agent {AgentName} sent {Count} events"),
        };
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(level, category, new EventId(2001), state, exception, (_, _) => "agent web 1 sent 3 events");
        var writer = new StringWriter();
        formatter.Write(entry, null, writer);
        return writer.ToString();
    }

    private static IOptionsMonitor<SensuLogFormatterOptions> Options(bool debug = false)
    {
        var services = new ServiceCollection();
        services.Configure<SensuLogFormatterOptions>(o => { o.Program = "backend"; o.StackAtEveryLevel = debug; });
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<SensuLogFormatterOptions>>();
    }

    [Fact]
    public void Json_has_component_level_msg_time_fields_and_error_on_one_line()
    {
        var line = Write(new SensuJsonFormatter(Options()), "Sensu.Backend.Agentd.AgentSession", LogLevel.Warning, new InvalidOperationException("it broke\nbadly"));

        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.Single(line.TrimEnd('\n').Split('\n'));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("agentd", root.GetProperty("component").GetString());
        Assert.Equal("warning", root.GetProperty("level").GetString());
        Assert.Equal("agent web 1 sent 3 events", root.GetProperty("msg").GetString());
        Assert.Equal("web 1", root.GetProperty("agent_name").GetString());
        Assert.Equal(3, root.GetProperty("count").GetInt32());
        Assert.Equal("it broke badly", root.GetProperty("error").GetString());
        Assert.False(root.TryGetProperty("stack", out _));
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
        var time = DateTimeOffset.Parse(root.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Matches(@"[+-]\d\d:\d\d$", root.GetProperty("time").GetString()!);
        Assert.NotEqual(default, time);
    }

    [Fact]
    public void Json_carries_the_stack_at_error_or_when_debugging()
    {
        Exception thrown;
        try { throw new InvalidOperationException("x"); } catch (InvalidOperationException ex) { thrown = ex; }
        using var atError = JsonDocument.Parse(Write(new SensuJsonFormatter(Options()), "Sensu.Store.Sqlite.SqliteStore", LogLevel.Error, thrown));
        Assert.Contains(nameof(Json_carries_the_stack_at_error_or_when_debugging), atError.RootElement.GetProperty("stack").GetString(), StringComparison.Ordinal);
        Assert.Equal("store", atError.RootElement.GetProperty("component").GetString());
        using var debugging = JsonDocument.Parse(Write(new SensuJsonFormatter(Options(debug: true)), "Sensu.Agent.X", LogLevel.Warning, thrown));
        Assert.True(debugging.RootElement.TryGetProperty("stack", out _));
    }

    [Theory]
    [InlineData("Sensu.Backend.Pipeline.Handlers.HandlerExpander", "pipelined")]
    [InlineData("Sensu.Backend.Pipelined.PipelineWorker", "pipelined")]
    [InlineData("Sensu.Backend.Eventd.EventWorker", "eventd")]
    [InlineData("Sensu.Backend.Hosting", "backend")]
    [InlineData("Microsoft.Hosting.Lifetime", "backend")]
    [InlineData("Sensu.Backend.Secrets.Redaction.X", "secrets")]
    public void The_component_is_the_daemon_of_the_category(string category, string component) =>
        Assert.Equal(component, SensuLogFields.Component(category, "backend"));

    [Fact]
    public void Text_is_one_human_line()
    {
        var line = Write(new SensuTextFormatter(Options()), "Sensu.Backend.Apid.X", LogLevel.Information, new InvalidOperationException("boom"));

        Assert.Single(line.TrimEnd('\n').Split('\n'));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d info +\[apid\] agent web 1 sent 3 events agent_name=""web 1"" count=3 error=boom\n$", line);
    }
}
