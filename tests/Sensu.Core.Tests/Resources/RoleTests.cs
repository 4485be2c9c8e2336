using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class RoleTests
{
    private static Role Valid() => new()
    {
        Metadata = new ObjectMeta { Name = "event-reader", Namespace = "default" },
        Rules = [new RbacRule { Verbs = ["get", "list"], Resources = ["events"] }],
    };

    [Fact]
    public void Valid_role_passes() => Valid().Validate();

    [Fact]
    public void Rule_fields_are_always_written()
    {
        var json = JsonRoundTrip.Write(new Role { Metadata = new ObjectMeta { Name = "r" } }, SensuJsonContext.Default.Role);
        Assert.Equal("""{"rules":null,"metadata":{"name":"r"}}""", json.ToJsonString());
        var rule = JsonRoundTrip.Write(Valid(), SensuJsonContext.Default.Role)["rules"]![0]!.AsObject();
        Assert.Equal(["verbs", "resources", "resource_names"], JsonRoundTrip.Keys(rule));
    }

    [Fact]
    public void Comma_separated_verbs_and_resources_are_split_on_read()
    {
        var role = JsonRoundTrip.Read(
            """{"rules":[{"verbs":["get,list","create"],"resources":["checks,events"],"resource_names":null}],"metadata":{"name":"r","namespace":"default"}}""",
            SensuJsonContext.Default.Role);
        Assert.Equal(["get", "list", "create"], role.Rules[0].Verbs);
        Assert.Equal(["checks", "events"], role.Rules[0].Resources);
        Assert.Empty(role.Rules[0].ResourceNames);
        role.Validate();
    }

    [Theory]
    [InlineData("", "default", "the Role name must not be empty")]
    [InlineData("a:b:c", "default", "the Role name cannot contain spaces or special characters")]
    [InlineData("reader", "", "the Role namespace must be set")]
    public void Invalid_metadata(string name, string ns, string message)
    {
        var role = Valid();
        role.Metadata.Name = name;
        role.Metadata.Namespace = ns;
        Assert.Equal(message, Assert.Throws<ResourceValidationException>(role.Validate).Message);
    }

    [Fact]
    public void Needs_a_rule_and_valid_verbs()
    {
        var role = Valid();
        role.Rules = [];
        Assert.Equal("a Role must have at least one rule", Assert.Throws<ResourceValidationException>(role.Validate).Message);
        role.Rules = [new RbacRule { Verbs = ["get,patch"], Resources = ["*"] }];
        Assert.Equal("the verb \"patch\" is not valid", Assert.Throws<ResourceValidationException>(role.Validate).Message);
    }

    [Fact]
    public void Rule_matching()
    {
        var rule = new RbacRule { Verbs = ["get"], Resources = ["*"], ResourceNames = ["a"] };
        Assert.True(rule.VerbMatches("get"));
        Assert.False(rule.VerbMatches("list"));
        Assert.True(rule.ResourceMatches("checks"));
        Assert.True(rule.ResourceNameMatches("a"));
        Assert.False(rule.ResourceNameMatches("b"));
        Assert.True(new RbacRule { Verbs = ["*"] }.VerbMatches("delete"));
        Assert.True(new RbacRule().ResourceNameMatches("anything"));
    }
}
