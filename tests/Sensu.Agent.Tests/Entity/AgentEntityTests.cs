using Sensu.Agent.Entity;
using Sensu.Agent.Tests.Support;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Tests.Entity;

public sealed class AgentEntityTests
{
    [Fact]
    public void Entity_carries_name_namespace_subscriptions_and_settings()
    {
        var options = AgentTestOptions.Create(o =>
        {
            o.Labels["region"] = "eu";
            o.Annotations["team"] = "ops";
            o.Deregister = true;
            o.DeregistrationHandler = "dereg";
            o.Redact = ["secret_thing"];
            o.KeepaliveHandlers = ["slack"];
        });

        var entity = AgentEntityBuilder.Build(options, new EntitySystem { Hostname = "h" });

        Assert.Equal("agent-under-test", entity.Metadata.Name);
        Assert.Equal("default", entity.Metadata.Namespace);
        Assert.Equal(Core.Resources.Core.Entity.AgentClass, entity.EntityClass);
        Assert.Equal(["linux", "entity:agent-under-test"], entity.Subscriptions);
        Assert.Equal("eu", entity.Metadata.Labels!["region"]);
        Assert.Equal("ops", entity.Metadata.Annotations!["team"]);
        Assert.True(entity.Deregister);
        Assert.Equal("dereg", entity.Deregistration.Handler);
        Assert.Equal(["secret_thing"], entity.Redact);
        Assert.Equal("agent", entity.User);
        Assert.Equal(["slack"], entity.KeepaliveHandlers);
        Assert.False(string.IsNullOrEmpty(entity.SensuAgentVersion));
        entity.Validate();
    }

    [Fact]
    public void An_agent_managed_entity_says_so_in_its_labels()
    {
        var managed = AgentEntityBuilder.Build(AgentTestOptions.Create(o => o.AgentManagedEntity = true), new EntitySystem { Hostname = "h" });
        var backendManaged = AgentEntityBuilder.Build(AgentTestOptions.Create(), new EntitySystem { Hostname = "h" });

        Assert.Equal("sensu-agent", managed.Metadata.Labels!["sensu.io/managed_by"]);
        Assert.Null(backendManaged.Metadata.Labels);
        managed.Validate();
    }

    [Fact]
    public void Keepalive_event_follows_the_settings()
    {
        using var parts = new AgentParts(o =>
        {
            o.KeepaliveInterval = 7;
            o.KeepaliveWarningTimeout = 30;
            o.KeepaliveCriticalTimeout = 60;
            o.KeepalivePipelines = ["core/v2.Pipeline.keepalive-pipe"];
            o.KeepaliveCheckLabels["a"] = "b";
        });

        var ev = parts.Events.Keepalive();

        Assert.Equal("keepalive", ev.Check!.Metadata.Name);
        Assert.Equal(7u, ev.Check.Interval);
        Assert.Equal(30u, ev.Check.Timeout);
        Assert.Equal(60, ev.Check.Ttl);
        Assert.Equal("b", ev.Check.Metadata.Labels!["a"]);
        Assert.NotEqual(0, ev.Timestamp);
        Assert.True(Guid.TryParse(ev.Id, out _));
        var pipeline = Assert.Single(ev.Pipelines);
        Assert.Equal(("core/v2", "Pipeline", "keepalive-pipe"), (pipeline.ApiVersion, pipeline.Type, pipeline.Name));
        Assert.Equal("agent-under-test", ev.Entity!.Metadata.Name);
        ev.Validate();
        Assert.Equal(ev.Sequence + 1, parts.Events.Keepalive().Sequence);
    }
}
