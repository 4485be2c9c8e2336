using Sensu.Core.Resources.Secrets;

namespace Sensu.Core.Tests.Resources;

public sealed class GoDurationTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1, "100ns")]
    [InlineData(15, "1.5µs")]
    [InlineData(5_000_000, "500ms")]
    [InlineData(15_000_000, "1.5s")]
    [InlineData(600_000_000, "1m0s")]
    [InlineData(36_000_000_000, "1h0m0s")]
    [InlineData(37_815_000_000, "1h3m1.5s")]
    [InlineData(-200_000_000, "-20s")]
    public void Formats_like_go(long ticks, string expected) => Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("20s", 200_000_000)]
    [InlineData("1h3m1.5s", 37_815_000_000)]
    [InlineData("1.5h", 54_000_000_000)]
    [InlineData("300ms", 3_000_000)]
    [InlineData("2us", 20)]
    [InlineData("2µs", 20)]
    [InlineData("-1m", -600_000_000)]
    public void Parses_like_go(string text, long ticks) => Assert.Equal(TimeSpan.FromTicks(ticks), GoDuration.Parse(text));

    [Theory]
    [InlineData("", "time: invalid duration \"\"")]
    [InlineData("5", "time: missing unit in duration \"5\"")]
    [InlineData("5d", "time: unknown unit \"d\" in duration \"5d\"")]
    [InlineData("s", "time: invalid duration \"s\"")]
    public void Rejects_like_go(string text, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => GoDuration.Parse(text)).Message);
}
