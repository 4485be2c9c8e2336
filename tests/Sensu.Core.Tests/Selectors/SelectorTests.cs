using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Selectors;

namespace Sensu.Core.Tests.Selectors;

/// <summary>Sensu's selector grammar and evaluation, operator by operator, and the field names of each type.</summary>
public sealed class SelectorTests
{
    private static CheckConfig Check(string name, string[] subscriptions, Dictionary<string, string>? labels = null, bool publish = true) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "default", Labels = labels },
        Command = "true",
        Subscriptions = [.. subscriptions],
        Publish = publish,
        Handlers = ["slack"],
    };

    private static bool Field(string selector, object resource) => Selector.Parse(null, [selector]).Matches(resource);

    private static bool Label(string selector, object resource) => Selector.Parse([selector], null).Matches(resource);

    [Theory]
    [InlineData("check.name == web", true)]
    [InlineData("check.name == 'web'", true)]
    [InlineData("check.name == \"db\"", false)]
    [InlineData("check.name != db", true)]
    [InlineData("check.name != web", false)]
    [InlineData("check.name in [db, web]", true)]
    [InlineData("check.name in ['db', \"cache\"]", false)]
    [InlineData("check.name notin [db, cache]", true)]
    [InlineData("check.name notin [web]", false)]
    [InlineData("check.name matches we", true)]
    [InlineData("check.name matches xyz", false)]
    [InlineData("linux in check.subscriptions", true)]
    [InlineData("windows in check.subscriptions", false)]
    [InlineData("windows notin check.subscriptions", true)]
    [InlineData("\"linux\" notin check.subscriptions", false)]
    [InlineData("check.publish == true", true)]
    [InlineData("check.publish == false", false)]
    [InlineData("check.handlers == slack && check.name == web", true)]
    [InlineData("check.handlers == slack && check.name == db", false)]
    [InlineData("check.labels.region == eu", true)]
    [InlineData("check.labels.missing != x", true)]
    [InlineData("check.labels.missing == x", false)]
    public void Field_selector_operators(string selector, bool selected) =>
        Assert.Equal(selected, Field(selector, Check("web", ["linux", "web"], new() { ["region"] = "eu" })));

    [Theory]
    [InlineData("region == eu", true)]
    [InlineData("region != eu", false)]
    [InlineData("region in [us, eu]", true)]
    [InlineData("region notin [us]", true)]
    [InlineData("region matches e", true)]
    [InlineData("tier == gold", false)]
    [InlineData("tier != gold", true)]
    [InlineData("zone == eu-west-1", true)]
    public void Label_selector_operators(string selector, bool selected) =>
        Assert.Equal(selected, Label(selector, Check("web", ["linux"], new() { ["region"] = "eu", ["zone"] = "eu-west-1" })));

    [Fact]
    public void An_events_labels_include_its_entitys_and_checks()
    {
        var ev = new Event
        {
            Metadata = new ObjectMeta { Namespace = "default" },
            Entity = new Entity { EntityClass = "agent", Metadata = new ObjectMeta { Name = "web-1", Namespace = "default", Labels = new() { ["country"] = "canada" } } },
            Check = new Sensu.Core.Resources.Core.Check { Metadata = new ObjectMeta { Name = "cpu", Namespace = "default", Labels = new() { ["region"] = "na" } }, Status = 2 },
        };

        Assert.True(Label("region == 'na' && country == 'canada'", ev));
        Assert.True(Field("event.check.status == 2 && event.entity.name == web-1", ev));
        Assert.True(Field("event.labels.country == canada", ev));
        Assert.True(Field("event.is_silenced == false", ev));
        Assert.False(Field("event.check.name == mem", ev));
    }

    [Theory]
    [InlineData("entity.entity_class == agent", true)]
    [InlineData("linux in entity.subscriptions", true)]
    [InlineData("entity.deregister == false", true)]
    public void Entity_fields(string selector, bool selected) =>
        Assert.Equal(selected, Field(selector, new Entity
        {
            EntityClass = "agent",
            Metadata = new ObjectMeta { Name = "web-1", Namespace = "default" },
            Subscriptions = ["linux"],
        }));

    [Fact]
    public void Fields_of_other_types_use_Sensus_names()
    {
        Assert.True(Field("handler.type == pipe && handler.mutator == only_check_output",
            new Handler { Metadata = new ObjectMeta { Name = "h", Namespace = "default" }, Type = "pipe", Mutator = "only_check_output" }));
        Assert.True(Field("silenced.check == cpu && silenced.expire_on_resolve == true",
            new Silenced { Metadata = new ObjectMeta { Name = "*:cpu", Namespace = "default" }, Check = "cpu", ExpireOnResolve = true }));
        Assert.True(Field("user.disabled == false && admins in user.groups", new User { Username = "u", Groups = ["admins"] }));
        Assert.True(Field("namespace.name == prod", new Namespace("prod")));
        Assert.True(Field("rolebinding.role_ref.name == view",
            new RoleBinding { Metadata = new ObjectMeta { Name = "b", Namespace = "default" }, RoleRef = new RoleRef { Type = "Role", Name = "view" } }));
        Assert.True(Field("filter.action == allow", new EventFilter { Metadata = new ObjectMeta { Name = "f", Namespace = "default" }, Action = "allow" }));
    }

    [Fact]
    public void Repeated_parameters_are_joined_with_and()
    {
        var check = Check("web", ["linux"]);
        Assert.True(Selector.Parse(null, ["check.name == web", "linux in check.subscriptions"]).Matches(check));
        Assert.False(Selector.Parse(null, ["check.name == web", "windows in check.subscriptions"]).Matches(check));
        Assert.True(Selector.Parse([" "], [""]).IsEmpty);
    }

    [Theory]
    [InlineData("check.name = web", "looking for \"=\"")]
    [InlineData("check.name == ", "expected an identifier or literal value")]
    [InlineData("check.name", "unexpected operator")]
    [InlineData("&& check.name == web", "expected a operation first")]
    [InlineData("check.name == web &&", "expected an identifier or string after '&&'")]
    [InlineData("check.name in web, db]", "expected an identifier or end of string")]
    [InlineData("check.name in [web db", "expected a comma or an identifier")]
    [InlineData("check.name == 'web", "EOF while scanning string literal")]
    [InlineData("region == us%west", "invalid identifier")]
    [InlineData("#abc == x", "invalid rune")]
    [InlineData("check. == x", "invalid identifier")]
    [InlineData("check.name =! web", "looking for \"=\"")]
    public void Invalid_selectors_are_refused_with_the_reason(string selector, string reason)
    {
        var e = Assert.Throws<SelectorParseException>(() => Selector.Parse(null, [selector]));
        Assert.StartsWith("failed to parse fieldSelector: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        var l = Assert.Throws<SelectorParseException>(() => Selector.Parse([selector], null));
        Assert.StartsWith("failed to parse labelSelector: ", l.Message, StringComparison.Ordinal);
    }
}
