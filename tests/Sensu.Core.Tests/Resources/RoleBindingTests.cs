using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class RoleBindingTests
{
    private static RoleBinding Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "dev-binding", Namespace = "default" },
        RoleRef = new RoleRef { Type = "Role", Name = "workflow-creator" },
        Subjects = [new Subject { Type = "Group", Name = "dev" }],
    };

    [Fact]
    public void Valid_binding_passes() => Valid().Validate();

    [Fact]
    public void Types_are_title_cased_on_read_and_all_fields_written()
    {
        var b = JsonRoundTrip.Read(
            """{"subjects":[{"type":"user","name":"bob"}],"role_ref":{"type":"clusterRole","name":"view"},"metadata":{"name":"b","namespace":"ops"}}""",
            SensuJsonContext.Default.RoleBinding);
        Assert.Equal("User", b.Subjects[0].Type);
        Assert.Equal("ClusterRole", b.RoleRef.Type);
        b.Validate();
        var json = JsonRoundTrip.Write(b, SensuJsonContext.Default.RoleBinding);
        Assert.Equal(["subjects", "role_ref", "metadata"], JsonRoundTrip.Keys(json));
    }

    [Fact]
    public void Validation_accepts_lower_case_types_without_changing_them()
    {
        var b = Valid();
        b.Subjects[0].Type = "group";
        b.RoleRef.Type = "role";
        b.Validate();
        Assert.Equal("group", b.Subjects[0].Type);
        b.Normalize();
        Assert.Equal("Group", b.Subjects[0].Type);
        Assert.Equal("Role", b.RoleRef.Type);
    }

    [Fact]
    public void Invalid_bindings()
    {
        var b = Valid();
        b.Metadata.Namespace = null;
        Assert.Equal("the RoleBinding namespace must be set", Assert.Throws<ResourceValidationException>(b.Validate).Message);

        b = Valid();
        b.RoleRef.Type = "Admin";
        Assert.Equal("roleRef type \"Admin\" is invalid, expected either \"ClusterRole\" or \"Role\"", Assert.Throws<ResourceValidationException>(b.Validate).Message);

        b = Valid();
        b.RoleRef.Name = "";
        Assert.Equal("roleRef name for Role is required", Assert.Throws<ResourceValidationException>(b.Validate).Message);

        b = Valid();
        b.Subjects.Clear();
        Assert.Equal("a RoleBinding must have at least one subject", Assert.Throws<ResourceValidationException>(b.Validate).Message);

        b = Valid();
        b.Subjects[0].Type = "robot";
        Assert.Equal("subject type \"robot\" is invalid, expected either \"Group\" or \"User\"", Assert.Throws<ResourceValidationException>(b.Validate).Message);

        b = Valid();
        b.Subjects[0].Name = "";
        Assert.Equal("subject name for the \"Group\" type is required", Assert.Throws<ResourceValidationException>(b.Validate).Message);
    }
}
