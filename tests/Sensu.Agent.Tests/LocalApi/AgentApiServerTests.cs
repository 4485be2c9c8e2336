using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Agent.LocalApi;
using Sensu.Agent.Tests.Support;

namespace Sensu.Agent.Tests.LocalApi;

public sealed class AgentApiServerTests : IAsyncLifetime
{
    private readonly AgentParts _parts = new();
    private AgentApiServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = new AgentApiServer(_parts.Options, _parts.Events, _parts.Queue, _parts.State, NullLoggerFactory.Instance);
        await _server.StartAsync(CancellationToken.None);
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_server.Port}") };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.StopAsync(CancellationToken.None);
        await _server.DisposeAsync();
        _parts.Dispose();
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _http.PostAsync(new Uri("/events", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Post_event_is_accepted_completed_and_queued()
    {
        using var response = await PostAsync("""{"check":{"metadata":{"name":"from-api"},"status":1,"output":"bad","interval":60}}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(_parts.Queue.Reader.TryRead(out var ev));
        Assert.Equal("from-api", ev.Check!.Metadata.Name);
        Assert.Equal("agent-under-test", ev.Entity!.Metadata.Name);
        Assert.Equal("default", ev.Check.Metadata.Namespace);
        Assert.NotEqual(0, ev.Timestamp);
        Assert.NotEqual(0, ev.Check.Executed);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"check\":{\"status\":\"x\"}}")]
    [InlineData("{}")]
    [InlineData("{\"metadata\":{\"name\":\"named\"},\"check\":{\"metadata\":{\"name\":\"c\"}}}")]
    public async Task Bad_events_get_400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(_parts.Queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Healthz_follows_the_backend_connection()
    {
        using (var down = await _http.GetAsync(new Uri("/healthz", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        _parts.State.SetConnected("ws://backend");
        using var up = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    [Fact]
    public async Task Version_answers_json()
    {
        var text = await _http.GetStringAsync(new Uri("/version", UriKind.Relative));
        Assert.Contains("\"sensu_agent\"", text, StringComparison.Ordinal);
    }
}
