using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Secrets;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class SecretTests
{
    private static Secret Valid() => new()
    {
        Id = "secret/pagerduty#key",
        Provider = "vault",
        Metadata = new ObjectMeta { Name = "pagerduty_key", Namespace = "default" },
    };

    [Fact]
    public void Valid_secret_passes_even_if_the_provider_does_not_exist() => Valid().Validate();

    [Fact]
    public void Json_has_id_provider_and_metadata()
    {
        Assert.Equal(
            """{"id":"secret/pagerduty#key","provider":"vault","metadata":{"name":"pagerduty_key","namespace":"default"}}""",
            JsonRoundTrip.Write(Valid(), SensuJsonContext.Default.Secret).ToJsonString());
    }

    [Theory]
    [InlineData("", "default", "x", "env", "name must not be empty")]
    [InlineData("s", "", "x", "env", "namespace must be set")]
    [InlineData("s", "default", "", "env", "id must not be empty")]
    [InlineData("s", "default", "x", "", "provider must not be empty")]
    public void Invalid_secrets(string name, string ns, string id, string provider, string message)
    {
        var s = new Secret { Id = id, Provider = provider, Metadata = new ObjectMeta { Name = name, Namespace = ns } };
        Assert.Equal(message, Assert.Throws<ResourceValidationException>(s.Validate).Message);
    }
}
