using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Tests.Support;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16, point 7: while the store refuses writes, /health answers 503 naming the condition, writes answer 503
/// with Sensu's error body and no file path, and both recover without a restart once writes succeed again.
/// Seams (tests run as root in CI, where chmod cannot make the file unwritable and nothing may be mounted): the
/// store's writer connection gets <c>PRAGMA max_page_count = 1</c> (the file may not grow: SQLite answers SQLITE_FULL,
/// as on a full disk) or <c>PRAGMA query_only = 1</c> (SQLITE_READONLY, as for a read-only file or mount).
/// Recovery is driven by the next write that commits (the backend writes all the time: keepalives, events).
/// </summary>
public sealed class StoreUnavailableTests : IAsyncLifetime
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

    private SqliteStore Store => _backend.Services.GetRequiredService<SqliteStore>();

    /// <summary>A check of about 200 KB: the store needs new pages for it.</summary>
    private static string BigCheck(string name) =>
        new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["annotations"] = new JsonObject { ["pad"] = new string('x', 200_000) } },
            ["command"] = "true",
            ["interval"] = 60,
            ["subscriptions"] = new JsonArray("linux"),
        }.ToJsonString();

    [Theory]
    [InlineData("PRAGMA max_page_count = 1;", "disk_full")]
    [InlineData("PRAGMA query_only = 1;", "read_only")]
    public async Task Refused_writes_are_503_with_the_condition_and_recover_without_restart(string seam, string condition)
    {
        var (ok, _) = await Send(HttpMethod.Post, Checks, BigCheck("before"));
        Assert.Equal(HttpStatusCode.Created, ok);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/health")).StatusCode);

        Store.SetWriterPragmasForTesting(seam);

        var (refused, body) = await Send(HttpMethod.Post, Checks, BigCheck("during"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);
        var error = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(["message", "code"], error.Select(p => p.Key));
        Assert.Equal(0, error["code"]!.GetValue<int>());
        var message = error["message"]!.GetValue<string>();
        Assert.Contains(condition, message, StringComparison.Ordinal);
        AssertNoPath(message);

        var (healthStatus, healthText) = await Get("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthStatus);
        var health = JsonNode.Parse(healthText)!;
        Assert.Equal(condition, health["StoreCondition"]!.GetValue<string>());
        var member = health["ClusterHealth"]![0]!;
        Assert.False(member["Healthy"]!.GetValue<bool>());
        Assert.Contains(condition, member["Err"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertNoPath(healthText);
        // Reads still answer meanwhile.
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"{Checks}/before")).StatusCode);

        Store.SetWriterPragmasForTesting(null);

        var (after, _) = await Send(HttpMethod.Post, Checks, BigCheck("after"));
        Assert.Equal(HttpStatusCode.Created, after);
        var (recovered, recoveredText) = await Get("/health");
        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Null(JsonNode.Parse(recoveredText)!["StoreCondition"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"{Checks}/during")).StatusCode);
    }

    [Fact]
    public async Task Every_kind_of_write_is_refused_with_503_never_500()
    {
        Store.SetWriterPragmasForTesting("PRAGMA query_only = 1;");

        var writes = new (HttpMethod Method, string Path, string Body)[]
        {
            (HttpMethod.Put, $"{Checks}/c1", """{"command":"true","interval":60,"subscriptions":["linux"]}"""),
            (HttpMethod.Post, "/api/core/v2/namespaces", """{"name":"ops"}"""),
            (HttpMethod.Delete, "/api/core/v2/namespaces/default/entities/nobody", ""),
            (HttpMethod.Post, "/api/core/v2/namespaces/default/events",
                """{"entity":{"metadata":{"name":"web-1","namespace":"default"},"entity_class":"proxy"},"check":{"metadata":{"name":"cpu","namespace":"default"},"status":2,"output":"hot","interval":60}}"""),
        };
        foreach (var (method, path, body) in writes)
        {
            var (status, text) = await Send(method, path, body);
            // A delete of something absent may answer 404 before any write; everything else is the store's refusal.
            if (method == HttpMethod.Delete && status == HttpStatusCode.NotFound)
                continue;
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{method} {path}: {(int)status} {text}");
            Assert.Contains("read_only", JsonNode.Parse(text)!["message"]!.GetValue<string>(), StringComparison.Ordinal);
            AssertNoPath(text);
        }

        // A login may or may not need a write (that is Authentication's business); it never answers 500 or a path.
        using var anonymous = _backend.Anonymous();
        using var login = new HttpRequestMessage(HttpMethod.Get, "/auth");
        login.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestBackend.AdminUser}:{TestBackend.AdminPassword}")));
        using var answer = await anonymous.SendAsync(login);
        var loginText = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"/auth: {(int)answer.StatusCode} {loginText}");
        AssertNoPath(loginText);
    }

    private void AssertNoPath(string text)
    {
        Assert.DoesNotContain(_backend.StateDir, text, StringComparison.Ordinal);
        Assert.DoesNotContain("sensu.db", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/tmp", text, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode, string)> Send(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body.Length != 0)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _admin.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpStatusCode, string)> Get(string path)
    {
        using var response = await _admin.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
