using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class SilencedTests
{
    private static Silenced Valid() => new()
    {
        Subscription = "linux",
        Check = "check-cpu",
        Metadata = new ObjectMeta { Namespace = "default" },
    };

    private static string ErrorOf(Action<Silenced> change)
    {
        var silenced = Valid();
        change(silenced);
        return Assert.Throws<ResourceValidationException>(silenced.Validate).Message;
    }

    [Theory]
    [InlineData("linux", "check-cpu", "linux:check-cpu")]
    [InlineData("linux", null, "linux:*")]
    [InlineData(null, "check-cpu", "*:check-cpu")]
    [InlineData("entity:web-01", "", "entity:web-01:*")]
    public void Name_is_subscription_colon_check(string? subscription, string? check, string name)
    {
        Assert.Equal(name, Silenced.ComputeName(subscription, check));
        var s = new Silenced { Subscription = subscription, Check = check };
        s.ApplyComputedName();
        Assert.Equal(name, s.Metadata.Name);
    }

    [Fact]
    public void Name_needs_check_or_subscription() =>
        Assert.Throws<ResourceValidationException>(() => Silenced.ComputeName(null, ""));

    [Fact]
    public void Valid_entries_pass()
    {
        Valid().Validate();
        var s = Valid();
        s.Check = "*";
        s.Validate();
        s.Subscription = "entity:web-01";
        s.Validate();
    }

    [Fact]
    public void Silenced_rules_use_sensus_messages()
    {
        Assert.Equal("must provide check or subscription", ErrorOf(s => { s.Check = null; s.Subscription = null; }));
        Assert.Equal("must provide check or subscription", ErrorOf(s => { s.Check = "*"; s.Subscription = "*"; }));
        Assert.Equal("Subscription cannot contain spaces or special characters", ErrorOf(s => s.Subscription = "a:b:c"));
        Assert.Equal("Check cannot contain spaces or special characters", ErrorOf(s => s.Check = "check cpu"));
        var noNamespace = Valid();
        noNamespace.Metadata.Namespace = null;
        noNamespace.Validate(); // Sensu's Validate does not require one; the API sets it from the request
    }

    [Theory]
    [InlineData("linux", "check-cpu", "check-cpu", "linux", true)]
    [InlineData("linux", null, "other", "linux", true)]
    [InlineData("*", "check-cpu", "check-cpu", "windows", true)]
    [InlineData("linux", "check-cpu", "check-mem", "linux", false)]
    [InlineData("linux", "*", "x", "windows", false)]
    public void Matching_follows_wildcards(string? subscription, string? check, string eventCheck, string eventSubscription, bool expected) =>
        Assert.Equal(expected, new Silenced { Subscription = subscription, Check = check }.Matches(eventCheck, eventSubscription));

    [Fact]
    public void Silenced_writes_sensus_field_set_and_round_trips()
    {
        var minimal = JsonRoundTrip.Write(new Silenced { Check = "c" }, SensuJsonContext.Default.Silenced);
        Assert.Equal(["begin", "check", "expire", "expire_at", "expire_on_resolve", "metadata"], JsonRoundTrip.Keys(minimal).Order(StringComparer.Ordinal));
        const string input = """
            {"metadata":{"name":"linux:check-cpu","namespace":"default"},"subscription":"linux","check":"check-cpu","begin":1700000000,
             "expire":3600,"expire_at":1700003600,"expire_on_resolve":true,"creator":"admin","reason":"maintenance"}
            """;
        var s = JsonRoundTrip.Read(input, SensuJsonContext.Default.Silenced);
        s.Validate();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonRoundTrip.Write(s, SensuJsonContext.Default.Silenced)));
    }
}
