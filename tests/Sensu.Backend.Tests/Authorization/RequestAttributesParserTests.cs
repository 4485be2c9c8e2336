using Sensu.Backend.Authorization;

namespace Sensu.Backend.Tests.Authorization;

public sealed class RequestAttributesParserTests
{
    [Theory]
    [InlineData("GET", "/api/core/v2/namespaces/default/checks", "list", "default", "checks", "")]
    [InlineData("HEAD", "/api/core/v2/namespaces/default/checks/cpu", "get", "default", "checks", "cpu")]
    [InlineData("POST", "/api/core/v2/namespaces/default/checks", "create", "default", "checks", "")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/cpu", "update", "default", "checks", "cpu")]
    [InlineData("PATCH", "/api/core/v2/namespaces/default/checks/cpu", "update", "default", "checks", "cpu")]
    [InlineData("DELETE", "/api/core/v2/namespaces/default/checks/cpu", "delete", "default", "checks", "cpu")]
    [InlineData("POST", "/api/core/v2/namespaces/default/checks/cpu/execute", "create", "default", "checks", "cpu")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/cpu/hooks/critical", "update", "default", "checks", "cpu")]
    [InlineData("GET", "/api/core/v2/namespaces/default/events/web1/cpu", "get", "default", "events", "web1/cpu")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/events/web1/cpu", "update", "default", "events", "web1/cpu")]
    [InlineData("GET", "/api/core/v2/namespaces/default/events/web1", "list", "default", "events", "web1")]
    [InlineData("GET", "/api/core/v2/namespaces/default/silenced/subscriptions/linux", "list", "default", "silenced", "subscriptions/linux")]
    [InlineData("GET", "/api/core/v2/namespaces/default/silenced/checks/cpu", "list", "default", "silenced", "checks/cpu")]
    [InlineData("GET", "/api/core/v2/namespaces/default/silenced/linux:cpu", "get", "default", "silenced", "linux:cpu")]
    [InlineData("GET", "/api/core/v2/checks", "list", "", "checks", "")]
    [InlineData("GET", "/api/core/v2/namespaces", "list", "", "namespaces", "")]
    [InlineData("GET", "/api/core/v2/namespaces/dev", "get", "dev", "namespaces", "dev")]
    [InlineData("DELETE", "/api/core/v2/namespaces/dev", "delete", "dev", "namespaces", "dev")]
    [InlineData("GET", "/api/core/v2/clusterroles/view", "get", "", "clusterroles", "view")]
    [InlineData("GET", "/api/core/v2/users/bob", "get", "", "users", "bob")]
    [InlineData("PUT", "/api/core/v2/users/bob/password", "update", "", "users", "bob")]
    [InlineData("PUT", "/api/core/v2/users/bob/reset_password", "update", "", "users", "bob")]
    [InlineData("DELETE", "/api/core/v2/users/bob/groups/ops", "delete", "", "users", "bob")]
    [InlineData("GET", "/api/core/v2/users/alice", "get", "", "localselfuser", "alice")]
    [InlineData("PUT", "/api/core/v2/users/alice/password", "update", "", "localselfuser", "alice")]
    [InlineData("PUT", "/api/core/v2/users/alice/reset_password", "update", "", "users", "alice")]
    [InlineData("PUT", "/api/core/v2/users/alice", "update", "", "users", "alice")]
    [InlineData("POST", "/api/core/v2/apikeys", "create", "", "apikeys", "")]
    [InlineData("GET", "/api/enterprise/secrets/v1/namespaces/default/secrets/pd", "get", "default", "secrets", "pd")]
    [InlineData("GET", "/api/enterprise/secrets/v1/providers", "list", "", "providers", "")]
    [InlineData("PUT", "/api/enterprise/secrets/v1/providers/vault", "update", "", "providers", "vault")]
    [InlineData("GET", "/api/core/v2/cluster/members", "list", "", "cluster-members", "")]
    public void Derives_attributes_like_Sensu(string method, string path, string verb, string ns, string resource, string name)
    {
        var attributes = RequestAttributesParser.Parse(method, path, "alice");
        Assert.NotNull(attributes);
        Assert.Equal((verb, ns, resource, name), (attributes.Verb, attributes.Namespace, attributes.Resource, attributes.ResourceName));
    }

    [Fact]
    public void Group_and_version_come_from_the_path()
    {
        var core = RequestAttributesParser.Parse("GET", "/api/core/v2/namespaces/default/checks", null)!;
        Assert.Equal(("core", "v2"), (core.ApiGroup, core.ApiVersion));
        var secrets = RequestAttributesParser.Parse("GET", "/api/enterprise/secrets/v1/providers", null)!;
        Assert.Equal(("secrets", "v1"), (secrets.ApiGroup, secrets.ApiVersion));
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/auth")]
    [InlineData("/graphql")]
    [InlineData("/")]
    public void Non_api_paths_have_no_attributes(string path) =>
        Assert.Null(RequestAttributesParser.Parse("GET", path, "alice"));
}
