using Microsoft.AspNetCore.Http;
using Sensu.Backend.Agentd;
using Sensu.Backend.Dashboard;

namespace Sensu.Backend.Tests.Listeners;

/// <summary>Before a listener is bound it names no port or URL and claims no request (the bound cases run in the Hosting and Dashboard tests).</summary>
public sealed class PortListenerTests
{
    [Fact]
    public void An_unbound_listener_has_no_port_or_url_and_claims_no_request()
    {
        var agent = new AgentListener();
        var dashboard = new DashboardListener();
        var request = new DefaultHttpContext();
        request.Connection.LocalPort = 3000;

        Assert.Null(agent.Port);
        Assert.Null(agent.Url);
        Assert.Null(dashboard.BoundEndpoint);
        Assert.False(agent.IsAgentConnection(request));
        Assert.False(dashboard.IsDashboardConnection(request));
    }
}
