using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class ClusterRoleBindingTests
{
    private static ClusterRoleBinding Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "cluster-admin" },
        RoleRef = new RoleRef { Type = "ClusterRole", Name = "cluster-admin" },
        Subjects = [new Subject { Type = "Group", Name = "cluster-admins" }],
    };

    [Fact]
    public void Valid_binding_passes() => Valid().Validate();

    [Fact]
    public void Cannot_have_a_namespace()
    {
        var b = Valid();
        b.Metadata.Namespace = "default";
        Assert.Equal("ClusterRoleBinding cannot have a namespace", Assert.Throws<ResourceValidationException>(b.Validate).Message);
    }

    [Fact]
    public void Name_follows_the_subscription_rule()
    {
        var b = Valid();
        b.Metadata.Name = "system:agent";
        b.Validate();
        b.Metadata.Name = "a b";
        Assert.Equal("the ClusterRoleBinding name cannot contain spaces or special characters", Assert.Throws<ResourceValidationException>(b.Validate).Message);
    }
}
