using Sensu.Cli.Commands.Suggestions;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Suggestions;

public sealed class UnknownCommandTests
{
    [Theory]
    [InlineData("chek list", "unknown command \"chek\" for \"sensuctl\"; did you mean \"check\"?")]
    [InlineData("check lsit", "unknown command \"lsit\" for \"sensuctl check\"; did you mean \"list\"?")]
    [InlineData("hadler create x", "unknown command \"hadler\" for \"sensuctl\"; did you mean \"handler\"?")]
    [InlineData("config set-formt json", "unknown command \"set-formt\" for \"sensuctl config\"; did you mean \"set-format\"?")]
    public async Task MisspeltCommand_NamesIt_AndSuggestsTheNearest(string commandLine, string expected)
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync(commandLine)).AssertFailure();

        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("Required command was not provided", run.Error);
    }

    [Fact]
    public async Task UnknownCommand_WithNothingNear_NamesItWithoutSuggestion()
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync("frobnicate")).AssertFailure();

        Assert.Contains("unknown command \"frobnicate\" for \"sensuctl\"", run.Error);
        Assert.DoesNotContain("did you mean", run.Error);
    }

    [Fact]
    public void Levenshtein_CountsEdits()
    {
        Assert.Equal(0, Levenshtein.Distance("check", "CHECK"));
        Assert.Equal(1, Levenshtein.Distance("chek", "check"));
        Assert.Equal(2, Levenshtein.Distance("lsit", "list"));
        Assert.Equal(3, Levenshtein.Distance("kitten", "sitting"));
    }
}
