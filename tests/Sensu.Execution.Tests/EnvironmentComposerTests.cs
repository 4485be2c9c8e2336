namespace Sensu.Execution.Tests;

public sealed class EnvironmentComposerTests
{
    [Fact]
    public void Later_layers_override_and_path_lists_are_prepended()
    {
        var merged = EnvironmentComposer.Merge(
            ["PATH=/usr/bin:/bin", "FOO=base", "LD_LIBRARY_PATH=/lib", "CPATH=/inc", "KEEP=1"],
            ["FOO=check", "PATH=/opt/a/bin", "LD_LIBRARY_PATH=/opt/a/lib", "CPATH=/opt/a/include", "NEW=x"],
            ["PATH=/opt/b/bin", "FOO=last"]);

        Assert.Equal(
            ["PATH=/opt/b/bin:/opt/a/bin:/usr/bin:/bin", "FOO=last", "LD_LIBRARY_PATH=/opt/a/lib:/lib", "CPATH=/opt/a/include:/inc", "KEEP=1", "NEW=x"],
            merged);
    }

    [Fact]
    public void Values_may_contain_equals_signs_and_entries_without_one_are_ignored()
    {
        var merged = EnvironmentComposer.Merge(["A=b=c", "JUNK", "=nokey"], ["PATH=/x"]);
        Assert.Equal(["A=b=c", "PATH=/x"], merged);
    }

    [Fact]
    public void Other_keys_ending_in_path_are_overridden_not_merged()
    {
        var merged = EnvironmentComposer.Merge(["MYASSET_PATH=/old", "PATH="], ["MYASSET_PATH=/new", "PATH=/bin"]);
        Assert.Equal(["MYASSET_PATH=/new", "PATH=/bin"], merged);
    }

    [Fact]
    public void Current_reflects_this_process()
    {
        var current = EnvironmentComposer.ToDictionary(EnvironmentComposer.Current());
        Assert.Equal(Environment.GetEnvironmentVariable("PATH"), current["PATH"]);
    }
}
