namespace Sensu.Cli.Tests.Support;

/// <summary>The outcome of one sensuctl invocation.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public CliRun AssertSuccess()
    {
        Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}");
        return this;
    }

    public CliRun AssertFailure()
    {
        Assert.True(ExitCode != 0, $"expected failure\nstdout: {Out}\nstderr: {Error}");
        Assert.StartsWith("Error: ", Error);
        Assert.Single(Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", Error);
        return this;
    }
}
