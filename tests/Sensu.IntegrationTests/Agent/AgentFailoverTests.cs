using System.Text;
using Sensu.Testing.Processes;
using Xunit.Abstractions;

namespace Sensu.IntegrationTests.Agent;

/// <summary>
/// Issue 19: an agent given several <c>--backend-url</c>s carries on with the next backend when its backend dies,
/// and what it was given meanwhile reaches the new one. Two real backend processes (each on its own SQLite store:
/// SQLite cannot be shared across processes) and the real agent.
/// </summary>
public sealed class AgentFailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task When_its_backend_is_killed_the_agent_moves_to_the_next_url_and_loses_no_event()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var wait = TimeSpan.FromSeconds(60);
        await using var first = await BackendProcess.StartAsync(timeout.Token);
        await using var second = await BackendProcess.StartAsync(timeout.Token);
        await using var agent = await AgentProcess.StartAsync(
            first.AgentUrl, "failover-agent", ["--backend-url", second.AgentUrl.ToString().TrimEnd('/')], timeout.Token);
        using var firstApi = await SensuApi.LoginAsync(first);
        using var secondApi = await SensuApi.LoginAsync(second);
        try
        {
            Assert.NotNull(await firstApi.WaitForAsync("/api/core/v2/namespaces/default/events/failover-agent/keepalive", _ => true, wait));

            await first.DisposeAsync();
            // Given to the agent while it has no backend (or just found the next): queued, then sent.
            using var local = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{agent.ApiPort}") };
            using var posted = await local.PostAsync("/events", new StringContent(
                """{"check":{"metadata":{"name":"during-failover"},"status":1,"output":"sent while moving"}}""", Encoding.UTF8, "application/json"), timeout.Token);
            Assert.True(posted.IsSuccessStatusCode, $"agent API answered {(int)posted.StatusCode}");

            var moved = await secondApi.WaitForAsync("/api/core/v2/namespaces/default/events/failover-agent/during-failover", _ => true, wait);
            Assert.Equal("sent while moving", moved?["check"]?["output"]?.GetValue<string>());
            Assert.NotNull(await secondApi.WaitForAsync("/api/core/v2/namespaces/default/events/failover-agent/keepalive", _ => true, wait));
            Assert.False(agent.HasExited);
        }
        catch
        {
            output.WriteLine($"--- agent\n{agent.Log.Tail(6000)}\n--- second backend\n{second.Log.Tail(4000)}");
            throw;
        }
    }
}
