using System.Text.Json.Nodes;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Agent;

/// <summary>
/// Sensu 6's backend-managed entities end to end: an entity updated through the API (as <c>sensuctl entity update</c>
/// does) reaches the connected agent as <c>entity_config</c>; the backend delivers the new subscriptions' check
/// requests to it and the agent's events carry the new labels. An agent-managed entity keeps its own configuration.
/// </summary>
public sealed class AgentEntityConfigTests(BackendFixture fixture, ITestOutputHelper output) : IClassFixture<BackendFixture>
{
    private const string Entities = "/api/core/v2/namespaces/default/entities";
    private const string Events = "/api/core/v2/namespaces/default/events";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Entity_update_reaches_the_agent()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var api = await SensuApi.LoginAsync(fixture.Backend);
        await using var agent = await AgentProcess.StartAsync(fixture.Backend.AgentUrl, "ec-agent", ["--subscriptions", "ec-old"], timeout.Token);
        var entity = await api.WaitForAsync($"{Entities}/ec-agent", e => e["last_seen"]?.GetValue<long>() > 0, Wait);
        Assert.NotNull(entity);

        // The operator moves the agent to another subscription and labels it.
        entity!["subscriptions"] = new JsonArray("ec-new", "entity:ec-agent");
        entity["metadata"]!["labels"] = new JsonObject { ["team"] = "storage" };
        await api.PutAsync($"{Entities}/ec-agent", entity.ToJsonString());
        await api.PutAsync("/api/core/v2/namespaces/default/checks/ec-check", """
            {"metadata":{"name":"ec-check","namespace":"default"},"command":"echo configured","subscriptions":["ec-new"],"interval":1,"publish":true}
            """);

        var ev = await api.WaitForAsync($"{Events}/ec-agent/ec-check",
            e => e["entity"]?["metadata"]?["labels"]?["team"]?.GetValue<string>() == "storage", Wait);
        if (ev is null)
            output.WriteLine($"--- agent\n{agent.Log.Tail(4000)}\n--- backend\n{fixture.Backend.Log.Tail(6000)}");

        Assert.NotNull(ev);
        Assert.Equal("configured\n", ev!["check"]!["output"]!.GetValue<string>());
        var subscriptions = ev["entity"]!["subscriptions"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.Contains("ec-new", subscriptions);
        Assert.DoesNotContain("ec-old", subscriptions);
        Assert.Contains("applied the entity configuration", agent.Log.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_managed_entity_keeps_its_own_configuration()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var api = await SensuApi.LoginAsync(fixture.Backend);
        await using var agent = await AgentProcess.StartAsync(
            fixture.Backend.AgentUrl, "ec-managed", ["--subscriptions", "ec-own", "--agent-managed-entity=true"], timeout.Token);
        var entity = await api.WaitForAsync($"{Entities}/ec-managed", e => e["last_seen"]?.GetValue<long>() > 0, Wait);
        Assert.NotNull(entity);

        entity!["subscriptions"] = new JsonArray("ec-elsewhere");
        await api.PutAsync($"{Entities}/ec-managed", entity.ToJsonString());
        // The next keepalive carries the agent's own configuration back into the store.
        var restored = await api.WaitForAsync($"{Entities}/ec-managed",
            e => e["subscriptions"]!.AsArray().Any(s => s!.GetValue<string>() == "ec-own"), Wait);

        Assert.NotNull(restored);
        Assert.DoesNotContain("applied the entity configuration", agent.Log.Text(), StringComparison.Ordinal);
    }
}
