using Sensu.Backend.Secrets.Vault;

namespace Sensu.Backend.Tests.Secrets.Vault;

public sealed class VaultSecretPathTests
{
    [Theory]
    [InlineData("secret/pagerduty#key", "v1", "secret/pagerduty", "key")]
    [InlineData("secret/pagerduty#key", "v2", "secret/data/pagerduty", "key")]
    [InlineData("secrets/sensu#ansible#token", "v2", "secrets/sensu/data/ansible", "token")]
    [InlineData("kv/a/b#c#pw", "v1", "kv/a/b/c", "pw")]
    [InlineData("/secret/team/pagerduty/#key", "v2", "secret/data/team/pagerduty", "key")]
    [InlineData("/secret/#/pagerduty/#key", "v2", "secret/data/pagerduty", "key")]
    public void Maps_ids_to_Vault_paths(string id, string version, string requestPath, string key)
    {
        Assert.True(VaultSecretPath.TryParse(id, version, out var path, out var error), error);
        Assert.Equal(requestPath, path.RequestPath);
        Assert.Equal(key, path.Key);
    }

    [Theory]
    [InlineData("secret/pagerduty")]
    [InlineData("a#b#c#d")]
    [InlineData("secret/pagerduty#")]
    [InlineData("secret#key")]
    [InlineData("#path#key")]
    [InlineData("secret/../sys#key")]
    public void Refuses_malformed_ids(string id)
    {
        Assert.False(VaultSecretPath.TryParse(id, "v2", out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Escapes_path_segments_in_the_request_uri()
    {
        Assert.True(VaultSecretPath.TryParse("secret/my app?x#key", "v1", out var path, out _));
        Assert.Equal("v1/secret/my%20app%3Fx", path.RelativeUri);
    }
}
