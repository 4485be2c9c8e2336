using System.CommandLine;
using Sensu.Core.Configuration;

namespace Sensu.Core.Tests.Configuration;

/// <summary>The flags on a command line, as both programs take them (Go's flag conventions).</summary>
public sealed class FlagCommandLineTests
{
    private static (FlagCommandLine<SampleOptions> Flags, Command Command) Build()
    {
        var command = new Command("start", "sample");
        return (FlagCommandLine<SampleOptions>.AddTo(command, SampleFlags.Table("/nonexistent/sample.yml"), "sample"), command);
    }

    [Fact]
    public void Every_flag_and_the_config_file_are_options_with_their_variable_in_the_help()
    {
        var (flags, command) = Build();
        Assert.Equal(flags.Table.Flags.Count + 1, command.Options.Count(o => o.Name.StartsWith("--", StringComparison.Ordinal)));
        Assert.Contains("SENSU_SAMPLE_PORT", flags.Options["port"].Description, StringComparison.Ordinal);
        Assert.Contains("-c", flags.ConfigFile.Aliases);
    }

    [Fact]
    public void Help_shows_each_default_and_switches_without_a_value()
    {
        var (flags, command) = Build();
        var root = new RootCommand("sample") { command };
        var output = new StringWriter();
        root.Parse(["start", "--help"], new ParserConfiguration()).Invoke(new InvocationConfiguration { Output = output });
        var help = output.ToString();
        Assert.Contains("--verbose ", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--verbose <", help, StringComparison.Ordinal);
        Assert.Contains("--port <port>", help, StringComparison.Ordinal);
        var defaults = FlagDefaults.Of(flags.Table);
        Assert.NotEmpty(defaults);
        foreach (var (name, value) in defaults)
            Assert.Contains($"(default {value};", flags.Options[name].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_flags_only_are_returned()
    {
        var (flags, command) = Build();
        var given = flags.Given(command.Parse(["--port", "9", "-c", "/tmp/s.yml"]));
        Assert.Equal(new Dictionary<string, string> { ["port"] = "9", ["config-file"] = "/tmp/s.yml" }, given);
    }

    [Fact]
    public void A_repeated_list_flag_is_joined_a_repeated_text_flag_keeps_its_last_value()
    {
        var (flags, command) = Build();
        var given = flags.Given(command.Parse(["--url", "ws://a", "--url", "ws://b", "--name", "first", "--name", "last"]));
        Assert.Equal("ws://a,ws://b", given["url"]);
        Assert.Equal("last", given["name"]);
    }

    [Theory]
    [InlineData(new[] { "--verbose" }, "true")]
    [InlineData(new[] { "--verbose=false" }, "false")]
    [InlineData(new[] { "--verbose", "--port", "1" }, "true")]
    public void A_switch_is_bare_or_has_its_value_attached(string[] arguments, string expected)
    {
        var (flags, command) = Build();
        var result = command.Parse(arguments);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, flags.Given(result)["verbose"]);
    }
}
