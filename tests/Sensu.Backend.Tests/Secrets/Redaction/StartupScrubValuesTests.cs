using Sensu.Backend.Hosting;
using Sensu.Backend.Secrets;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Tests.Secrets.Redaction;

public sealed class StartupScrubValuesTests
{
    [Theory]
    [InlineData("s3cr3t-token-value", true)]
    [InlineData("user:password", true)]
    [InlineData("https://user:pw@example.test/", true)]
    [InlineData("https://example.test/hook?token=abcdef", true)]
    [InlineData("short", false)]          // under the minimum length
    [InlineData("1", false)]
    [InlineData("true", false)]
    [InlineData("TRUE    ", false)]
    [InlineData("12345678901", false)]     // a number
    [InlineData("1.5e10000", false)]
    [InlineData("/var/lib/sensu/sensu-backend", false)] // a path
    [InlineData("/usr/local/bin:/usr/bin:/bin", false)] // a path list
    [InlineData("~/.config/sensu", false)]
    [InlineData("http://127.0.0.1:8200", false)] // a plain address
    [InlineData("wss://backend.example.test:8081/", false)]
    public void Only_values_that_may_be_secrets_and_are_rare_in_logs_are_worth_scrubbing(string value, bool worth)
    {
        Assert.Equal(worth, StartupScrubValues.IsWorthScrubbing(value));
    }

    [Fact]
    public void Environment_values_skip_harmless_names_and_non_credential_settings_but_keep_proxy_passwords()
    {
        var values = StartupScrubValues.EnvironmentValues(new Dictionary<string, string>
        {
            ["SENSU_PAGERDUTY_KEY"] = "pd-key-4567890",
            ["UNREFERENCED"] = "unreferenced-value",
            ["TOO_SHORT"] = "1234567",
            ["HOME"] = "not-a-path-but-harmless",
            ["LC_ALL"] = "en_US.UTF-8-long",
            ["SENSU_BACKEND_API_URL"] = "http://sensu.example.test:8080?x=1",
            ["SENSU_BACKEND_LOG_LEVEL"] = "debug-debug",
            ["SENSU_BACKEND_SOMETHING_UNKNOWN"] = "unknown-setting-value",
            ["https_proxy"] = "http://proxyuser:proxy%40pass@proxy.test:3128",
            ["HTTP_PROXY"] = "http://proxy.test:3128",
        }, new HashSet<string> { "SENSU_BACKEND_API_URL", "SENSU_BACKEND_LOG_LEVEL" }).ToList();

        Assert.Equal(["pd-key-4567890", "unreferenced-value", "unknown-setting-value", "proxy@pass"], values);
    }

    [Fact]
    public void Credentials_are_the_admin_password_and_api_key_when_set()
    {
        Assert.Equal(["pw-1234", "key-5678"], StartupScrubValues.Credentials(new SecretsOptions { Credentials = { "pw-1234", "key-5678" } }));
        Assert.Empty(StartupScrubValues.Credentials(new SecretsOptions { Credentials = { "" } }));
    }

    [Fact]
    public void A_scrubber_built_with_a_seed_scrubs_its_values_from_the_start()
    {
        var seed = ScrubberSeed.From(
            new SecretsOptions { Credentials = { "admin-pw-1", "abc" } },
            [new("UNREFERENCED", "unreferenced-value"), new("PATH", "/usr/bin")]);
        var scrubber = new SecretScrubber(seed);

        Assert.Equal("x REDACTED y REDACTED abc /usr/bin", scrubber.Scrub("x admin-pw-1 y unreferenced-value abc /usr/bin"));
        Assert.DoesNotContain("admin-pw-1", seed.ToString(), StringComparison.Ordinal);
        Assert.Equal("plain", new SecretScrubber(ScrubberSeed.Empty).Scrub("plain"));
    }
}
