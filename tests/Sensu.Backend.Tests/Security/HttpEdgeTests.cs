using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16 point 9: the edges of HTTP. An over-limit body's 413 reaches a client that writes first and reads after;
/// control characters and dot segments in paths are refused with Sensu's body, never rewritten to another route;
/// unknown routes and methods answer with Sensu's body. Raw sockets, because HttpClient would normalise the paths.
/// </summary>
public sealed class HttpEdgeTests : IAsyncLifetime
{
    private const int RequestLimit = 64 * 1024;
    private const string Checks = "/api/core/v2/namespaces/default/checks";
    private TestBackend _backend = null!;
    private HttpClient _admin = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync(o => o.ApiRequestLimit = RequestLimit);
        _admin = await _backend.LoginAsync();
        _token = _admin.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _backend.DisposeAsync();
    }

    private static CancellationToken Deadline() => new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

    private static JsonObject ErrorBody(RawHttp.Answer answer)
    {
        Assert.StartsWith("application/json", answer.Header("Content-Type"), StringComparison.Ordinal);
        var body = JsonNode.Parse(answer.Body)!.AsObject();
        Assert.False(string.IsNullOrEmpty(body["message"]!.GetValue<string>()));
        return body;
    }

    [Fact]
    public async Task An_over_limit_body_written_whole_before_reading_gets_the_413_ten_times_in_a_row()
    {
        var body = Encoding.ASCII.GetBytes("{\"command\":\"" + new string('x', RequestLimit * 4) + "\",\"interval\":60}");
        for (var i = 0; i < 10; i++)
        {
            var answer = await RawHttp.SendAsync(_backend.BaseAddress, "PUT", $"{Checks}/big", _token, body, Deadline());
            Assert.Equal(413, answer.Status);
            Assert.Equal(1, ErrorBody(answer)["code"]!.GetValue<int>());
            Assert.Contains("exceeds the limit", answer.Body, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"{Checks}/big")).StatusCode);
    }

    [Fact]
    public async Task A_body_within_the_limit_still_works_over_the_same_raw_client()
    {
        var answer = await RawHttp.SendAsync(_backend.BaseAddress, "PUT", $"{Checks}/small", _token, "{\"command\":\"true\",\"interval\":60}"u8.ToArray(), Deadline());
        Assert.Equal(201, answer.Status);
    }

    [Theory]
    [InlineData("a%01b")]
    [InlineData("a%0Ab")]
    [InlineData("a%0d%0aX-Injected:%201")]
    [InlineData("a%7Fb")]
    [InlineData("a%2500b")]
    public async Task Control_characters_in_a_path_name_are_a_400_with_a_body(string name)
    {
        foreach (var method in new[] { "GET", "PUT", "DELETE" })
        {
            var body = method == "PUT" ? "{\"command\":\"true\",\"interval\":60}"u8.ToArray() : null;
            var answer = await RawHttp.SendAsync(_backend.BaseAddress, method, $"{Checks}/{name}", _token, body, Deadline());
            Assert.Equal(400, answer.Status);
            Assert.Equal(1, ErrorBody(answer)["code"]!.GetValue<int>());
            Assert.Null(answer.Header("X-Injected"));
        }
        Assert.Equal("[]", await _admin.GetStringAsync(Checks));
    }

    /// <summary>
    /// Kestrel's parser refuses a request target that decodes to NUL before any middleware runs; the API listener's
    /// connection filter gives that refusal Sensu's error body. 400, a JSON body, connection closed, nothing stored.
    /// </summary>
    [Theory]
    [InlineData("DELETE", "a%00b")]
    [InlineData("DELETE", "%00")]
    [InlineData("PUT", "x%00")]
    public async Task A_percent_encoded_NUL_in_a_path_is_a_400_with_Sensus_body(string method, string name)
    {
        var body = method == "PUT" ? Encoding.UTF8.GetBytes("{\"command\":\"true\",\"interval\":60,\"metadata\":{\"name\":\"x\"}}") : null;
        var answer = await RawHttp.SendAsync(_backend.BaseAddress, method, $"{Checks}/{name}", _token, body, Deadline());
        Assert.Equal(400, answer.Status);
        Assert.Equal("close", answer.Header("Connection"));
        Assert.Equal(1, ErrorBody(answer)["code"]!.GetValue<int>());
        Assert.Equal("[]", await _admin.GetStringAsync(Checks));
    }

    [Fact]
    public async Task A_malformed_request_line_is_a_400_with_Sensus_body_and_good_requests_still_pass()
    {
        var answer = await RawHttp.SendRawAsync(_backend.BaseAddress, "GET /api/core/v2/namespaces HTTP/1.1 extra\r\nHost: x\r\n\r\n"u8.ToArray(), Deadline());
        Assert.Equal(400, answer.Status);
        Assert.Equal(1, ErrorBody(answer)["code"]!.GetValue<int>());
        // Ordinary answers pass through the filter untouched, bodies included.
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/core/v2/namespaces")).StatusCode);
    }

    [Theory]
    [InlineData("a\\u0000b")]
    [InlineData("\\u0000")]
    [InlineData("tab\\tname")]
    [InlineData("new\\nline")]
    public async Task Control_characters_in_metadata_name_are_a_400_with_a_body(string escapedName)
    {
        var json = "{\"command\":\"true\",\"interval\":60,\"metadata\":{\"name\":\"" + escapedName + "\"}}";
        var answer = await RawHttp.SendAsync(_backend.BaseAddress, "POST", Checks, _token, Encoding.UTF8.GetBytes(json), Deadline());
        Assert.Equal(400, answer.Status);
        Assert.Equal(1, ErrorBody(answer)["code"]!.GetValue<int>());
        Assert.Equal("[]", await _admin.GetStringAsync(Checks));
    }

    [Theory]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/..")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/.")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/%2e%2e")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/%2E%2e")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/.%2E")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/%2e")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/%252e%252e")]
    [InlineData("PUT", "/api/core/v2/namespaces/default/checks/../../other/checks/x")]
    [InlineData("GET", "/api/core/v2/namespaces/default/checks/..")]
    [InlineData("DELETE", "/api/core/v2/namespaces/default/checks/..")]
    [InlineData("GET", "/api/core/v2/namespaces/default/../../v2/namespaces")]
    [InlineData("GET", "/api/core/v2/./namespaces")]
    public async Task Dot_segments_are_refused_never_rewritten_to_another_route(string method, string target)
    {
        var namespacesBefore = await _admin.GetStringAsync("/api/core/v2/namespaces");
        var body = method == "PUT" ? "{\"command\":\"true\",\"interval\":60}"u8.ToArray() : null;
        var answer = await RawHttp.SendAsync(_backend.BaseAddress, method, target, _token, body, Deadline());
        Assert.Equal(400, answer.Status);
        var error = ErrorBody(answer);
        Assert.Equal(1, error["code"]!.GetValue<int>());
        Assert.Contains("segments", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(namespacesBefore, await _admin.GetStringAsync("/api/core/v2/namespaces"));
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/core/v2/namespaces/default")).StatusCode);
        Assert.Equal("[]", await _admin.GetStringAsync(Checks));
    }

    [Fact]
    public async Task Dots_inside_a_name_are_not_dot_segments()
    {
        var answer = await RawHttp.SendAsync(_backend.BaseAddress, "PUT", $"{Checks}/disk.usage..v2", _token, "{\"command\":\"true\",\"interval\":60}"u8.ToArray(), Deadline());
        Assert.Equal(201, answer.Status);
    }

    [Theory]
    [InlineData("/api/core/v2/nothing-here", true)]
    [InlineData("/api/core/v2/namespaces/default/checks/c/not/a/route", true)]
    [InlineData("/nothing-here", false)]
    [InlineData("/api/unknown/v9/x", true)]
    public async Task Unknown_routes_are_a_404_with_Sensus_body(string target, bool authenticated)
    {
        var answer = await RawHttp.SendAsync(_backend.BaseAddress, "GET", target, authenticated ? _token : null, null, Deadline());
        Assert.Equal(404, answer.Status);
        Assert.Equal(2, ErrorBody(answer)["code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("PATCH", Checks)]
    [InlineData("DELETE", Checks)]
    [InlineData("PATCH", "/api/core/v2/namespaces/default/events")]
    public async Task An_unknown_method_on_a_known_route_is_a_405_with_a_body(string method, string target)
    {
        var answer = await RawHttp.SendAsync(_backend.BaseAddress, method, target, _token, method == "PATCH" ? "{}"u8.ToArray() : null, Deadline());
        Assert.Equal(405, answer.Status);
        Assert.NotNull(answer.Header("Allow"));
        Assert.Contains(method, ErrorBody(answer)["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
