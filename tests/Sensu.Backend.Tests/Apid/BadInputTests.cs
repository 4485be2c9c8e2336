using System.Net;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary>Bad input gets the right 4xx with a message naming the problem, and the store is unchanged afterwards.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const string Checks = "/api/core/v2/namespaces/default/checks";
    private TestBackend _backend = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync();
        _admin = await _backend.LoginAsync();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _backend.DisposeAsync();
    }

    [Theory]
    [InlineData("{\"command\":\"true\",\"interval\":60", 400, "invalid JSON")]
    [InlineData("not json at all", 400, "invalid JSON")]
    [InlineData("{\"command\":\"true\",\"interval\":\"sixty\"}", 400, "interval")]
    [InlineData("{\"command\":\"true\",\"interval\":60,\"subscriptions\":\"linux\"}", 400, "subscriptions")]
    [InlineData("{\"command\":\"true\",\"interval\":60,\"cron\":\"* * * * *\"}", 400, "must only specify either an interval or a cron schedule")]
    [InlineData("{\"command\":\"true\"}", 400, "check interval must be greater than 0 or a valid cron schedule must be provided")]
    [InlineData("{\"command\":\"true\",\"interval\":60,\"env_vars\":[\"FOO\"]}", 400, "environment variables must be of the form FOO=BAR")]
    [InlineData("{\"command\":\"true\",\"interval\":60,\"metadata\":{\"name\":\"other\"}}", 400, "does not match the name on the URI")]
    public async Task Bad_check_bodies_are_refused_and_leave_nothing_behind(string body, int status, string message)
    {
        var (code, text) = await _admin.SendJsonAsync(HttpMethod.Put, $"{Checks}/probe", body);
        Assert.Equal(status, (int)code);
        Assert.Contains(message, Message(text), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"{Checks}/probe")).StatusCode);
        Assert.Equal("[]", await _admin.GetStringAsync(Checks));
    }

    [Fact]
    public async Task An_invalid_name_is_refused()
    {
        var (code, text) = await _admin.SendJsonAsync(HttpMethod.Post, Checks, "{\"command\":\"true\",\"interval\":60,\"metadata\":{\"name\":\"bad name\"}}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("cannot contain spaces or special characters", Message(text), StringComparison.Ordinal);
        Assert.Equal("[]", await _admin.GetStringAsync(Checks));
    }

    [Fact]
    public async Task An_unknown_namespace_is_a_404_naming_it()
    {
        var (code, text) = await _admin.SendJsonAsync(HttpMethod.Put, "/api/core/v2/namespaces/nowhere/checks/probe", "{\"command\":\"true\",\"interval\":60}");
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Contains("nowhere", Message(text), StringComparison.Ordinal);
        Assert.Equal("[]", await _admin.GetStringAsync("/api/core/v2/checks"));
    }

    [Fact]
    public async Task An_unknown_collection_is_a_404()
    {
        var (code, _) = await _admin.SendJsonAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/widgets/probe", "{}");
        Assert.Equal(HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task An_unknown_provider_type_is_refused()
    {
        var (code, text) = await _admin.SendJsonAsync(HttpMethod.Put, "/api/enterprise/secrets/v1/providers/probe",
            "{\"type\":\"CyberArkProvider\",\"api_version\":\"secrets/v1\",\"metadata\":{\"name\":\"probe\"},\"spec\":{}}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("CyberArkProvider", Message(text), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync("/api/enterprise/secrets/v1/providers/probe")).StatusCode);
    }

    [Fact]
    public async Task A_vault_provider_with_missing_tls_files_is_a_400_naming_the_file()
    {
        var (code, text) = await _admin.SendJsonAsync(HttpMethod.Put, "/api/enterprise/secrets/v1/providers/vault",
            "{\"type\":\"VaultProvider\",\"api_version\":\"secrets/v1\",\"metadata\":{\"name\":\"vault\"},\"spec\":{\"client\":{\"address\":\"https://127.0.0.1:8200\",\"token\":\"t\",\"version\":\"v2\",\"tls\":{\"ca_cert\":\"/nonexistent/ca.pem\"}}}}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Contains("/nonexistent/ca.pem", Message(text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_and_nothing_is_written()
    {
        var huge = "{\"command\":\"" + new string('x', 600_000) + "\",\"interval\":60}";
        var (code, text) = await _admin.SendJsonAsync(HttpMethod.Put, $"{Checks}/probe", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code);
        Assert.Contains("exceeds the limit of 512000 bytes", Message(text), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"{Checks}/probe")).StatusCode);
    }

    [Fact]
    public async Task Post_on_an_existing_resource_is_a_409_and_put_replaces()
    {
        Assert.Equal(HttpStatusCode.Created, (await _admin.SendJsonAsync(HttpMethod.Post, Checks, "{\"command\":\"one\",\"interval\":60,\"metadata\":{\"name\":\"c\"}}")).Status);
        var (code, _) = await _admin.SendJsonAsync(HttpMethod.Post, Checks, "{\"command\":\"two\",\"interval\":60,\"metadata\":{\"name\":\"c\"}}");
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal(HttpStatusCode.Created, (await _admin.SendJsonAsync(HttpMethod.Put, $"{Checks}/c", "{\"command\":\"three\",\"interval\":60}")).Status);
        var check = JsonNode.Parse(await _admin.GetStringAsync($"{Checks}/c"))!;
        Assert.Equal("three", check["command"]!.GetValue<string>());
        Assert.Equal("admin", check["metadata"]!["created_by"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lists_page_with_limit_and_the_continue_header()
    {
        foreach (var name in new[] { "a", "b", "c" })
            await _admin.SendJsonAsync(HttpMethod.Put, $"{Checks}/{name}", "{\"command\":\"true\",\"interval\":60}");
        using var first = await _admin.GetAsync($"{Checks}?limit=2");
        Assert.Equal(2, JsonNode.Parse(await first.Content.ReadAsStringAsync())!.AsArray().Count);
        var token = Assert.Single(first.Headers.GetValues("Sensu-Continue"));
        using var second = await _admin.GetAsync($"{Checks}?limit=2&continue={Uri.EscapeDataString(token)}");
        var rest = JsonNode.Parse(await second.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal("c", Assert.Single(rest)!["metadata"]!["name"]!.GetValue<string>());
        Assert.False(second.Headers.Contains("Sensu-Continue"));
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync($"{Checks}?continue=garbage")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.GetAsync($"{Checks}?limit=-1")).StatusCode);
    }

    [Fact]
    public async Task Patch_merges_and_validates()
    {
        await _admin.SendJsonAsync(HttpMethod.Put, $"{Checks}/p", "{\"command\":\"true\",\"interval\":60,\"subscriptions\":[\"a\"]}");
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.SendJsonAsync(new HttpMethod("PATCH"), $"{Checks}/p", "{\"interval\":30}")).Status);
        var check = JsonNode.Parse(await _admin.GetStringAsync($"{Checks}/p"))!;
        Assert.Equal(30, check["interval"]!.GetValue<int>());
        Assert.Equal("a", check["subscriptions"]![0]!.GetValue<string>());
        var (code, _) = await _admin.SendJsonAsync(new HttpMethod("PATCH"), $"{Checks}/p", "{\"cron\":\"* * * * *\"}");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal(30, JsonNode.Parse(await _admin.GetStringAsync($"{Checks}/p"))!["interval"]!.GetValue<int>());
    }

    [Fact]
    public async Task Asset_names_with_a_slash_travel_escaped()
    {
        var body = "{\"url\":\"http://127.0.0.1/a.tar.gz\",\"sha512\":\"" + new string('a', 128) + "\"}";
        Assert.Equal(HttpStatusCode.Created, (await _admin.SendJsonAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/assets/sensu%2Fslack", body)).Status);
        var asset = JsonNode.Parse(await _admin.GetStringAsync("/api/core/v2/namespaces/default/assets/sensu%2Fslack"))!;
        Assert.Equal("sensu/slack", asset["metadata"]!["name"]!.GetValue<string>());
    }

    private static string Message(string body) => JsonNode.Parse(body)!["message"]!.GetValue<string>();
}
