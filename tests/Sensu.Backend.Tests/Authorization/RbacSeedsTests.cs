using Sensu.Backend.Authentication;
using Sensu.Backend.Authorization;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Authorization;

public sealed class RbacSeedsTests
{
    [Fact]
    public void Seeds_match_Sensu_defaults_and_validate()
    {
        var resources = RbacSeeds.All("admin", "s3cretPass");
        foreach (var resource in resources)
            resource.Validate();

        Assert.Equal(["cluster-admin", "admin", "edit", "view", "system:agent", "system:user"],
            resources.OfType<ClusterRole>().Select(r => r.Metadata.Name));
        var bindings = resources.OfType<ClusterRoleBinding>().ToDictionary(b => b.Metadata.Name!, b => b.Subjects.Single().Name);
        Assert.Equal("cluster-admins", bindings["cluster-admin"]);
        Assert.Equal("system:agents", bindings["system:agent"]);
        Assert.Equal("system:users", bindings["system:user"]);

        var users = resources.OfType<User>().ToDictionary(u => u.Username!);
        Assert.Equal(["cluster-admins"], users["admin"].Groups);
        Assert.Equal(["system:agents"], users["agent"].Groups);
        Assert.Null(users["admin"].Password);
        Assert.True(PasswordHasher.Verify("s3cretPass", users["admin"].PasswordHash));
        Assert.True(PasswordHasher.Verify("P@ssw0rd!", users["agent"].PasswordHash));
    }

    [Fact]
    public void Admin_api_key_must_be_a_uuid()
    {
        var key = Guid.NewGuid().ToString();
        var apiKey = RbacSeeds.AdminApiKey(key, "admin", DateTimeOffset.FromUnixTimeSeconds(1700000000));
        apiKey.Validate();
        Assert.Equal((key, "admin", 1700000000L), (apiKey.Metadata.Name, apiKey.Username, apiKey.CreatedAt));
        Assert.Throws<Core.Validation.ResourceValidationException>(() => RbacSeeds.AdminApiKey("nope", "admin", DateTimeOffset.UnixEpoch));
    }
}
