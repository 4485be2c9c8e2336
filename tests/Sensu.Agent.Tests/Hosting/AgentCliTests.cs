using Sensu.Agent.Configuration;
using Sensu.Agent.Hosting;
using Sensu.Core.Configuration;

namespace Sensu.Agent.Tests.Hosting;

/// <summary>The <c>sensu-agent</c> command line: which flags it takes and how their values reach the settings.</summary>
public sealed class AgentCliTests
{
    private static Func<string, string?> Env(Dictionary<string, string> values) => k => values.GetValueOrDefault(k);

    [Fact]
    public void Command_line_repeated_backend_urls_are_kept_in_order()
    {
        var command = AgentCli.Build();
        var result = command.Parse(["start", "--backend-url", "ws://one:8081", "--backend-url", "ws://two:8081", "--deregister", "--name", "n1"]);
        Assert.Empty(result.Errors);
        var start = result.CommandResult.Command;
        var configFile = start.Options.OfType<System.CommandLine.Option<string>>().Single(o => o.Name == "--config-file");
        var options = start.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--config-file" && o.Name != "--help").ToDictionary(o => o.Name.TrimStart('-'), o => o);

        var given = AgentCli.GivenFlags(result, configFile, options);

        Assert.Equal("ws://one:8081,ws://two:8081", given["backend-url"]);
        Assert.Equal("true", given["deregister"]);
        Assert.Equal("n1", given["name"]);
    }

    [Theory]
    [InlineData(new[] { "--deregister" }, true)]
    [InlineData(new[] { "--deregister=true" }, true)]
    [InlineData(new[] { "--deregister=false" }, false)]
    [InlineData(new[] { "--deregister", "--name", "n1" }, true)]
    public void Boolean_flags_take_bare_and_attached_values(string[] arguments, bool expected)
    {
        var command = AgentCli.Build();
        var result = command.Parse(["start", .. arguments]);
        Assert.Empty(result.Errors);
        var start = result.CommandResult.Command;
        var configFile = start.Options.OfType<System.CommandLine.Option<string>>().Single(o => o.Name == "--config-file");
        var options = start.Options.Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o.Name != "--config-file" && o.Name != "--help").ToDictionary(o => o.Name.TrimStart('-'), o => o);

        var settings = AgentSettings.Load(AgentCli.GivenFlags(result, configFile, options), Env([]));

        Assert.Equal(expected, settings.Deregister);
    }

    [Fact]
    public void A_boolean_flag_with_a_value_that_is_not_boolean_is_refused_by_name()
    {
        // A switch is a bool option of arity zero-or-one (help shows it without a value): a value that is not boolean
        // is not taken by it, and the command line does not parse; the program says so in one line (StartupFailure).
        var command = AgentCli.Build();
        var result = command.Parse(["start", "--deregister=maybe"]);
        var error = Assert.Single(result.Errors);
        Assert.Contains("maybe", error.Message, StringComparison.Ordinal);
    }
}
