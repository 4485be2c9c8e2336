using System.Net;
using System.Text.Json;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.Backend.Tests.Agentd;

/// <summary>
/// entity_config (core-spec §6.3): sent when the session opens and on each configuration change, never again for a
/// write that changes only state (a keepalive's last_seen), never for an agent-managed entity; check requests follow
/// the new subscriptions. Messages on one session arrive in order, so "the next message is the later change" proves
/// that nothing was sent in between.
/// </summary>
public sealed class EntityConfigPublisherTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private static string EntityJson(string subscription, long lastSeen, bool agentManaged = false) => JsonSerializer.Serialize(new Entity
    {
        EntityClass = Entity.AgentClass,
        Metadata = new Core.Meta.ObjectMeta
        {
            Name = "ec1",
            Namespace = "default",
            Labels = agentManaged ? new() { [Entity.ManagedByLabel] = Entity.ManagedByAgent } : null,
        },
        Subscriptions = [subscription],
        LastSeen = lastSeen,
    }, SensuJsonContext.Default.Entity);

    private static async Task<EntityConfig> NextConfigAsync(ITransportConnection agent, CancellationToken cancellationToken)
    {
        var message = await AgentdHarness.ReceiveAsync(agent, Wait, cancellationToken);
        Assert.NotNull(message);
        Assert.Equal(MessageTypes.EntityConfig, message.Value.Type);
        return JsonSerializer.Deserialize(message.Value.Payload.Span, SensuJsonContext.Default.EntityConfig)!;
    }

    [Fact]
    public async Task Configuration_changes_are_sent_once_each_and_route_check_requests()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var harness = await AgentdHarness.StartAsync();
        using var admin = await harness.Backend.LoginAsync();
        const string path = "/api/core/v2/namespaces/default/entities/ec1";
        Assert.Equal(HttpStatusCode.Created, await admin.PutJsonAsync(path, EntityJson("first", 1)));

        await using var agent = await harness.ConnectAsync(AgentdHarness.Password("ec1", "from-handshake"), cts.Token);
        Assert.Equal(["first"], (await NextConfigAsync(agent, cts.Token)).Subscriptions);

        // State only (last_seen), then agent-managed, then a real change: the next message is the real change.
        Assert.Equal(HttpStatusCode.Created, await admin.PutJsonAsync(path, EntityJson("first", 2)));
        Assert.Equal(HttpStatusCode.Created, await admin.PutJsonAsync(path, EntityJson("managed", 3, agentManaged: true)));
        Assert.Equal(HttpStatusCode.Created, await admin.PutJsonAsync(path, EntityJson("second", 4)));
        Assert.Equal(["second"], (await NextConfigAsync(agent, cts.Token)).Subscriptions);

        var session = harness.Sessions.Find("default", "ec1")!;
        Assert.True(session.IsSubscribed("second"));
        Assert.True(session.IsSubscribed("entity:ec1"));
        Assert.False(session.IsSubscribed("first"));
        Assert.False(session.IsSubscribed("from-handshake"));
    }
}
