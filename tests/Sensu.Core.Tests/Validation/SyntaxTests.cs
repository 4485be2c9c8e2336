using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Validation;

/// <summary>JavaScript and cron syntax used by the check/filter/asset types.</summary>
public sealed class SyntaxTests
{
    [Theory]
    [InlineData("event.check.status == 2")]
    [InlineData("parseInt(entity.system.platform_version.split('.')[0]) == 6")]
    [InlineData("hour(event.timestamp) >= 17 || weekday(event.timestamp) == 0")]
    [InlineData("event.entity.labels.env == 'dev'")]
    public void Valid_javascript_parses(string expression) => Assert.Null(JavaScriptSyntax.Check(expression));

    [Theory]
    [InlineData("event.check.status ==")]
    [InlineData("(a")]
    [InlineData("a b")]
    public void Invalid_javascript_is_reported(string expression)
    {
        Assert.NotNull(JavaScriptSyntax.Check(expression));
        var ex = Assert.Throws<ResourceValidationException>(() => JavaScriptSyntax.Expressions(["true", expression]));
        Assert.StartsWith("syntax error in expression 1: ", ex.Message);
    }

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("*/5 0-23 1,15 JAN-DEC MON-FRI")]
    [InlineData("0 12 ? * sun")]
    [InlineData("CRON_TZ=Asia/Tokyo * * * * *")]
    [InlineData("TZ=UTC 30 4 * * 1")]
    [InlineData("@hourly")]
    [InlineData("@every 1h30m")]
    [InlineData("  @daily ")]
    public void Valid_cron_is_accepted(string spec) => Assert.True(CronSyntax.IsValid(spec));

    [Theory]
    [InlineData("")]
    [InlineData("* * * *")]
    [InlineData("* * * * * *")]
    [InlineData("60 * * * *")]
    [InlineData("* 24 * * *")]
    [InlineData("* * 0 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("* * * * 7")]
    [InlineData("*/0 * * * *")]
    [InlineData("5-1 * * * *")]
    [InlineData("? * * * *")]
    [InlineData("@sometimes")]
    [InlineData("@every 0s")]
    [InlineData("@every soon")]
    [InlineData("CRON_TZ= * * * * *")]
    [InlineData("CRON_TZ=UTC")]
    public void Invalid_cron_is_rejected(string spec) => Assert.False(CronSyntax.IsValid(spec));
}
