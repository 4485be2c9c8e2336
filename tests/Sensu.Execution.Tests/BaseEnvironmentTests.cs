using Sensu.Execution;

namespace Sensu.Execution.Tests;

public sealed class BaseEnvironmentTests
{
    [Fact]
    public void Entries_are_sorted_one_per_name_and_bad_names_dropped()
    {
        var env = BaseEnvironment.Of(
        [
            new("TZ", "UTC"), new("HOME", "/a"), new("HOME", "/b"), new("", "x"), new("A=B", "y"), new("EMPTY", ""),
        ]);

        Assert.Equal(["EMPTY=", "HOME=/b", "TZ=UTC"], env.Entries);
        Assert.Equal(["EMPTY", "HOME", "TZ"], env.Keys);
    }

    [Fact]
    public void ToString_names_keys_but_never_values()
    {
        var env = BaseEnvironment.Of([new("TOKEN", "s3cr3t-value")]);

        Assert.Equal("BaseEnvironment(TOKEN)", env.ToString());
        Assert.DoesNotContain("s3cr3t", env.ToString(), StringComparison.Ordinal);
        Assert.Empty(BaseEnvironment.Of([]).Entries);
        Assert.Same(BaseEnvironment.Empty, BaseEnvironment.Of([]));
    }
}
