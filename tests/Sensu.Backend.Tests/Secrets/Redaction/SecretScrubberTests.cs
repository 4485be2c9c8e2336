using Sensu.Backend.Secrets;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Tests.Secrets.Redaction;

public sealed class SecretScrubberTests
{
    [Fact]
    public void Nothing_registered_returns_the_same_text()
    {
        var scrubber = new SecretScrubber();
        const string text = "nothing to hide";
        Assert.Same(text, scrubber.Scrub(text));
    }

    [Fact]
    public void Replaces_values_anywhere_in_the_text()
    {
        var scrubber = new SecretScrubber();
        scrubber.Register(new SecretValue("s3cr3t-token"));
        Assert.Equal("a REDACTED b", scrubber.Scrub("a s3cr3t-token b"));
        Assert.Equal("REDACTEDREDACTED", scrubber.Scrub("s3cr3t-tokens3cr3t-token"));
        Assert.Equal("xREDACTEDy and REDACTED", scrubber.Scrub("xs3cr3t-tokeny and s3cr3t-token"));
        Assert.Equal("S3CR3T-TOKEN", scrubber.Scrub("S3CR3T-TOKEN")); // ordinal: another string
    }

    [Fact]
    public void Longest_value_wins_and_overlaps_merge()
    {
        var scrubber = new SecretScrubber();
        scrubber.Register("abcd");
        scrubber.Register("abcdefgh");
        scrubber.Register("efghijkl");
        // "abcd" is a prefix of "abcdefgh": the longer one is removed whole.
        Assert.Equal("[REDACTED]", scrubber.Scrub("[abcdefgh]"));
        // "abcdefgh" and "efghijkl" overlap: no tail of either survives.
        Assert.Equal("<REDACTED>", scrubber.Scrub("<abcdefghijkl>"));
        Assert.Equal("REDACTED-REDACTED", scrubber.Scrub("abcd-efghijkl"));
    }

    [Fact]
    public void Values_shorter_than_four_characters_are_not_scrubbed()
    {
        var scrubber = new SecretScrubber();
        Assert.False(scrubber.Register("abc"));
        Assert.False(scrubber.Register(""));
        Assert.True(scrubber.Register("abcd"));
        Assert.Equal("abc REDACTED", scrubber.Scrub("abc abcd"));
    }

    [Fact]
    public void Json_escaped_form_is_scrubbed_too()
    {
        var scrubber = new SecretScrubber();
        scrubber.Register("pa\"ss\\word");
        Assert.Equal("{\"token\":\"REDACTED\"}", scrubber.Scrub("{\"token\":\"pa\\\"ss\\\\word\"}"));
        Assert.Equal("{\"token\":\"REDACTED\"}", scrubber.Scrub("{\"token\":\"pa\\u0022ss\\\\word\"}"));
        Assert.Equal("raw REDACTED", scrubber.Scrub("raw pa\"ss\\word"));
    }

    [Fact]
    public void Registration_is_idempotent_and_thread_safe()
    {
        var scrubber = new SecretScrubber();
        Parallel.For(0, 200, i =>
        {
            scrubber.Register($"value-{i % 50:D4}");
            Assert.DoesNotContain($"value-{i % 50:D4}", scrubber.Scrub($"x value-{i % 50:D4} y"));
        });
        Assert.Equal(50, scrubber.Count);
    }
}
