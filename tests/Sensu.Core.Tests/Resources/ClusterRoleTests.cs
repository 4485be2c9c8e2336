using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class ClusterRoleTests
{
    private static ClusterRole Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "cluster-admin" },
        Rules = [new RbacRule { Verbs = ["*"], Resources = ["*"] }],
    };

    [Fact]
    public void Valid_cluster_role_passes() => Valid().Validate();

    [Theory]
    [InlineData("", null, "the ClusterRole name must not be empty")]
    [InlineData("system:agent", "default", "ClusterRole cannot have a namespace")]
    public void Invalid_metadata(string name, string? ns, string message)
    {
        var role = Valid();
        role.Metadata.Name = name;
        role.Metadata.Namespace = ns;
        Assert.Equal(message, Assert.Throws<ResourceValidationException>(role.Validate).Message);
    }

    [Fact]
    public void Needs_a_rule()
    {
        var role = Valid();
        role.Rules.Clear();
        Assert.Equal("a ClusterRole must have at least one rule", Assert.Throws<ResourceValidationException>(role.Validate).Message);
    }
}
