using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class EntityTests
{
    private static Entity Valid() => new()
    {
        EntityClass = Entity.AgentClass,
        Metadata = new ObjectMeta { Name = "web-01", Namespace = "default" },
    };

    [Fact]
    public void Valid_entity_passes() => Valid().Validate();

    [Theory]
    [InlineData("", "default", "agent", "entity name must not be empty")]
    [InlineData("web 01", "default", "agent", "entity name cannot contain spaces or special characters")]
    [InlineData("web-01", "default", "", "entity class must not be empty")]
    [InlineData("web-01", "default", "my class", "entity class cannot contain spaces or special characters")]
    [InlineData("web-01", "", "agent", "namespace must be set")]
    public void Invalid_entities_are_rejected_with_sensus_message(string name, string ns, string entityClass, string message)
    {
        var e = Valid();
        e.Metadata.Name = name;
        e.Metadata.Namespace = ns;
        e.EntityClass = entityClass;
        var ex = Assert.Throws<ResourceValidationException>(e.Validate);
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Any_name_like_class_is_accepted_but_backend_cannot_be_created_by_users()
    {
        var e = Valid();
        e.EntityClass = "switch";
        e.Validate();
        e.EnsureUserCreatable();

        e.EntityClass = Entity.BackendClass;
        e.Validate();
        Assert.True(e.IsBackendClass);
        Assert.Throws<ResourceValidationException>(e.EnsureUserCreatable);
    }

    [Fact]
    public void Empty_entity_writes_sensus_always_fields_and_omits_the_rest()
    {
        var json = JsonRoundTrip.Write(Valid(), SensuJsonContext.Default.Entity);
        Assert.Equal(
            ["entity_class", "system", "subscriptions", "last_seen", "deregister", "deregistration", "metadata", "sensu_agent_version"],
            JsonRoundTrip.Keys(json));
        Assert.Equal(["network", "libc_type", "vm_system", "vm_role", "cloud_provider", "processes"], JsonRoundTrip.Keys(json["system"]!.AsObject()));
        Assert.Equal("{}", json["deregistration"]!.ToJsonString());
        Assert.Null(json["subscriptions"]); // Sensu writes a nil slice without omitempty as null
    }

    [Fact]
    public void Nulls_become_empty_always_fields_and_empty_omitempty_fields_are_dropped()
    {
        var e = JsonRoundTrip.Read(
            """
            {"entity_class":"proxy","subscriptions":null,"user":"","redact":[],"keepalive_handlers":[],
             "system":{"hostname":"","network":{"interfaces":[{"name":"lo","addresses":null}]},"processes":null},
             "deregistration":{"handler":""},"metadata":{"name":"x","namespace":"default"}}
            """, SensuJsonContext.Default.Entity);
        Assert.Empty(e.Subscriptions);
        Assert.Null(e.User);
        Assert.Null(e.Redact);
        Assert.Null(e.KeepaliveHandlers);
        Assert.Null(e.System.Hostname);
        Assert.Empty(e.System.Processes);
        Assert.Empty(e.System.Network.Interfaces[0].Addresses);
        Assert.Null(e.Deregistration.Handler);
    }

    [Fact]
    public void Full_entity_round_trips()
    {
        const string input =
            """
            {"entity_class":"agent","system":{"hostname":"h","os":"linux","platform":"centos","platform_family":"rhel",
             "platform_version":"7.4","network":{"interfaces":[{"name":"eth0","mac":"08:00:27:11:ad:d2","addresses":["10.0.2.15/24"]}]},
             "arch":"arm","arm_version":7,"libc_type":"glibc","vm_system":"kvm","vm_role":"guest","cloud_provider":"aws",
             "float_type":"hard","processes":[{"name":"sensu-agent","pid":1,"ppid":0,"status":"Ss","running":true}]},
             "subscriptions":["linux","entity:h"],"last_seen":1552594641,"deregister":true,"deregistration":{"handler":"dereg"},
             "user":"agent","redact":["password"],"metadata":{"name":"h","namespace":"default","labels":{"a":"b"}},
             "sensu_agent_version":"6.14.0","keepalive_handlers":["slack"]}
            """;
        var e = JsonRoundTrip.Read(input, SensuJsonContext.Default.Entity);
        var output = JsonRoundTrip.Write(e, SensuJsonContext.Default.Entity);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(input), output), output.ToJsonString());
    }

    [Fact]
    public void Redaction_replaces_values_of_listed_keys_only_in_the_copy()
    {
        var e = Valid();
        e.Metadata.Labels = new() { ["password"] = "p", ["Password"] = "keep", ["region"] = "eu" };
        e.Metadata.Annotations = new() { ["api_key"] = "k" };
        var redacted = e.GetRedacted();
        Assert.Equal(Entity.Redacted, redacted.Metadata.Labels!["password"]);
        Assert.Equal("keep", redacted.Metadata.Labels["Password"]);
        Assert.Equal("eu", redacted.Metadata.Labels["region"]);
        Assert.Equal(Entity.Redacted, redacted.Metadata.Annotations!["api_key"]);
        Assert.Equal("p", e.Metadata.Labels["password"]);

        e.Redact = ["region"];
        redacted = e.GetRedacted();
        Assert.Equal("p", redacted.Metadata.Labels!["password"]);
        Assert.Equal(Entity.Redacted, redacted.Metadata.Labels["region"]);
    }

    [Fact]
    public void An_entity_with_nothing_to_redact_is_its_own_redacted_form()
    {
        var e = Valid();
        Assert.Same(e, e.GetRedacted());
        e.Metadata.Labels = new() { ["region"] = "eu", ["Password"] = "case differs" };
        e.Metadata.Annotations = new() { ["team"] = "ops" };
        Assert.Same(e, e.GetRedacted());
        e.Redact = ["team"];
        Assert.NotSame(e, e.GetRedacted());
        Assert.Equal("ops", e.Metadata.Annotations["team"]);
    }
}
