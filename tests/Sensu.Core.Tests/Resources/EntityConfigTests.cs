using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Core.Tests.Resources;

public sealed class EntityConfigTests
{
    private static Entity Stored() => new()
    {
        EntityClass = Entity.AgentClass,
        Metadata = new ObjectMeta { Name = "web-1", Namespace = "default", Labels = new() { ["team"] = "web" } },
        Subscriptions = ["linux", "entity:web-1"],
        KeepaliveHandlers = ["pagerduty"],
        Deregister = true,
        Deregistration = new Deregistration { Handler = "dereg" },
        System = new EntitySystem { Hostname = "web-1", Arch = "amd64" },
        LastSeen = 42,
    };

    [Fact]
    public void Config_carries_what_the_owner_configures_in_Sensus_field_names()
    {
        var json = JsonSerializer.Serialize(EntityConfig.From(Stored()), SensuJsonContext.Default.EntityConfig);

        Assert.Contains("\"entity_class\":\"agent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"subscriptions\":[\"linux\",\"entity:web-1\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"keepalive_handlers\":[\"pagerduty\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"deregistration\":{\"handler\":\"dereg\"}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("system", json, StringComparison.Ordinal);
        Assert.DoesNotContain("last_seen", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Applying_replaces_configuration_and_keeps_state_and_identity()
    {
        var config = EntityConfig.From(Stored());
        config.Subscriptions = ["db"];
        config.Metadata.Labels = new() { ["team"] = "storage" };
        var agent = new Entity
        {
            EntityClass = Entity.AgentClass,
            Metadata = new ObjectMeta { Name = "web-1", Namespace = "default" },
            Subscriptions = ["old", "entity:web-1"],
            System = new EntitySystem { Hostname = "web-1", Arch = "arm64" },
            User = "agent",
        };

        config.ApplyTo(agent);

        Assert.Equal(["db", "entity:web-1"], agent.Subscriptions);
        Assert.Equal("storage", agent.Metadata.Labels!["team"]);
        Assert.Equal("arm64", agent.System.Arch);
        Assert.Equal("agent", agent.User);
        Assert.Equal("dereg", agent.Deregistration.Handler);
        Assert.True(agent.Deregister);
        config.Metadata.Labels["team"] = "changed later";
        Assert.Equal("storage", agent.Metadata.Labels["team"]);
    }
}
