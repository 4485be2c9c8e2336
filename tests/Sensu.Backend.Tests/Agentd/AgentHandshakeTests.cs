using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using Sensu.Transport;

namespace Sensu.Backend.Tests.Agentd;

public class AgentHandshakeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Refusals_carry_Sensus_status_and_text()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();
        using var admin = await harness.Backend.LoginAsync(cancellationToken: cts.Token);
        using var created = await admin.PostAsJsonAsync("/api/core/v2/users", new { username = "viewer", password = "viewer-pass", groups = new[] { "nobody" } }, cts.Token);
        created.EnsureSuccessStatusCode();

        var missing = await RefusalAsync(harness, new AgentConnectOptions { AgentName = "a1" }, cts.Token);
        var bad = await RefusalAsync(harness, With(AgentdHarness.Password("a1"), password: "wrong"), cts.Token);
        var unknownNs = await RefusalAsync(harness, With(AgentdHarness.Password("a1"), ns: "nope"), cts.Token);
        var forbidden = await RefusalAsync(harness, With(AgentdHarness.Password("a1"), user: "viewer", password: "viewer-pass"), cts.Token);

        Assert.Equal((401, "missing credentials"), (missing.StatusCode, missing.Message));
        Assert.Equal((401, "bad credentials"), (bad.StatusCode, bad.Message));
        Assert.Equal((404, "namespace \"nope\" not found"), (unknownNs.StatusCode, unknownNs.Message));
        Assert.Equal(403, forbidden.StatusCode);
        Assert.Null(harness.Sessions.Find("default", "a1"));
    }

    [Fact]
    public async Task Good_password_opens_a_session_with_Backend_ID()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();

        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader(HandshakeHeaders.AgentName, "a1");
        socket.Options.SetRequestHeader(HandshakeHeaders.Namespace, "default");
        socket.Options.SetRequestHeader(HandshakeHeaders.Subscriptions, "linux, web");
        socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String("agent:P@ssw0rd!"u8.ToArray()));
        await socket.ConnectAsync(harness.Backend.AgentUrl, cts.Token);

        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        Assert.False(string.IsNullOrEmpty(socket.HttpResponseHeaders![HandshakeHeaders.BackendId].FirstOrDefault()));
        while (harness.Sessions.Find("default", "a1") is null)
            await Task.Delay(20, cts.Token);
        var presence = harness.Backend.Services.GetService(typeof(Sensu.Backend.Agentd.IAgentPresence)) as Sensu.Backend.Agentd.IAgentPresence;
        Assert.Equal(["a1"], presence!.Subscribers("default", "web"));
        Assert.Equal(["a1"], presence.Subscribers("default", "entity:a1"));
        Assert.Empty(presence.Subscribers("default", "windows"));
    }

    [Fact]
    public async Task Api_port_refuses_agents_and_agent_port_does_not_serve_the_api()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();

        var apiAsAgent = new UriBuilder(harness.Backend.BaseAddress) { Scheme = "ws" }.Uri;
        var refused = await Assert.ThrowsAsync<TransportHandshakeException>(() =>
            AgentConnector.ConnectAsync(apiAsAgent, AgentdHarness.Password("a1"), cts.Token));
        using var http = new HttpClient();
        var agentAsApi = new UriBuilder(harness.Backend.AgentUrl) { Scheme = "http", Path = "/health" }.Uri;
        using var health = await http.GetAsync(agentAsApi, cts.Token);
        using var apiHealth = await http.GetAsync(new Uri(harness.Backend.BaseAddress, "/health"), cts.Token);

        Assert.NotNull(refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, apiHealth.StatusCode);
    }

    [Fact]
    public async Task A_new_connection_replaces_the_old_session()
    {
        using var cts = new CancellationTokenSource(Timeout);
        await using var harness = await AgentdHarness.StartAsync();

        await using var first = await harness.ConnectAsync(AgentdHarness.Password("a1"), cts.Token);
        var firstSession = harness.Sessions.Find("default", "a1");
        await using var second = (WebSocketTransport)await AgentConnector.ConnectAsync(harness.Backend.AgentUrl, AgentdHarness.Password("a1"), cts.Token);
        while (ReferenceEquals(harness.Sessions.Find("default", "a1"), firstSession))
            await Task.Delay(20, cts.Token);

        Assert.Null(await AgentdHarness.ReceiveAsync(first, TimeSpan.FromSeconds(10), cts.Token));
        Assert.Equal("replaced by a new connection of the same agent", first.CloseStatusDescription);
        Assert.Equal(WebSocketState.Open, second.State);
    }

    private static async Task<TransportHandshakeException> RefusalAsync(AgentdHarness harness, AgentConnectOptions options, CancellationToken cancellationToken) =>
        await Assert.ThrowsAsync<TransportHandshakeException>(() => AgentConnector.ConnectAsync(harness.Backend.AgentUrl, options, cancellationToken));

    private static AgentConnectOptions With(AgentConnectOptions options, string? user = null, string? password = null, string? ns = null)
    {
        options.User = user ?? options.User;
        options.Password = password ?? options.Password;
        options.Namespace = ns ?? options.Namespace;
        return options;
    }
}
