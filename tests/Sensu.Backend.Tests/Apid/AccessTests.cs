using System.Net;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary>401 without credentials, 403 for a read-only user on writes and on secrets, token redaction by permission.</summary>
public sealed class AccessTests : IAsyncLifetime
{
    private TestBackend _backend = null!;
    private HttpClient _admin = null!;
    private HttpClient _viewer = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync();
        _admin = await _backend.LoginAsync();
        await _admin.PutJsonAsync("/api/core/v2/users/viewer", "{\"username\":\"viewer\",\"password\":\"viewer-pass1\",\"groups\":[\"readers\"],\"disabled\":false}");
        await _admin.PutJsonAsync("/api/core/v2/clusterrolebindings/readers-view",
            "{\"metadata\":{\"name\":\"readers-view\"},\"subjects\":[{\"type\":\"Group\",\"name\":\"readers\"}],\"role_ref\":{\"type\":\"ClusterRole\",\"name\":\"view\"}}");
        await _admin.PutJsonAsync("/api/core/v2/namespaces/default/checks/c", "{\"command\":\"true\",\"interval\":60}");
        await _admin.PutJsonAsync("/api/enterprise/secrets/v1/namespaces/default/secrets/s",
            "{\"type\":\"Secret\",\"api_version\":\"secrets/v1\",\"metadata\":{\"name\":\"s\"},\"spec\":{\"id\":\"CANARY_ENV\",\"provider\":\"env\"}}");
        await _admin.PutJsonAsync("/api/enterprise/secrets/v1/providers/vault",
            "{\"type\":\"VaultProvider\",\"api_version\":\"secrets/v1\",\"metadata\":{\"name\":\"vault\"},\"spec\":{\"client\":{\"address\":\"http://127.0.0.1:8200\",\"token\":\"canary-token-4711\",\"version\":\"v2\"}}}");
        _viewer = await _backend.LoginAsync("viewer", "viewer-pass1");
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        _viewer.Dispose();
        await _backend.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/core/v2/namespaces/default/checks")]
    [InlineData("/api/core/v2/namespaces")]
    [InlineData("/api/enterprise/secrets/v1/providers")]
    public async Task No_credentials_is_a_401(string path)
    {
        using var anonymous = _backend.Anonymous();
        using var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(5, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_view_user_reads_checks_but_cannot_write_them()
    {
        Assert.Equal(HttpStatusCode.OK, (await _viewer.GetAsync("/api/core/v2/namespaces/default/checks/c")).StatusCode);
        var status = await _viewer.PutJsonAsync("/api/core/v2/namespaces/default/checks/c", "{\"command\":\"changed\",\"interval\":60}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        var check = JsonNode.Parse(await _admin.GetStringAsync("/api/core/v2/namespaces/default/checks/c"))!;
        Assert.Equal("true", check["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_view_user_cannot_read_or_write_secrets()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _viewer.GetAsync("/api/enterprise/secrets/v1/namespaces/default/secrets")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _viewer.GetAsync("/api/enterprise/secrets/v1/namespaces/default/secrets/s")).StatusCode);
        var status = await _viewer.PutJsonAsync("/api/enterprise/secrets/v1/namespaces/default/secrets/s2",
            "{\"type\":\"Secret\",\"api_version\":\"secrets/v1\",\"metadata\":{\"name\":\"s2\"},\"spec\":{\"id\":\"X\",\"provider\":\"env\"}}");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(HttpStatusCode.Forbidden, (await _viewer.GetAsync("/api/enterprise/secrets/v1/providers")).StatusCode);
    }

    [Fact]
    public async Task The_vault_token_is_clear_for_admins()
    {
        var provider = JsonNode.Parse(await _admin.GetStringAsync("/api/enterprise/secrets/v1/providers/vault"))!;
        Assert.Equal("canary-token-4711", provider["spec"]!["client"]!["token"]!.GetValue<string>());
        Assert.True(provider["spec"]!["client"]!.AsObject().ContainsKey("tls"));
    }

    [Fact]
    public async Task The_vault_token_is_redacted_for_users_who_may_read_but_not_update_providers()
    {
        await _admin.PutJsonAsync("/api/core/v2/clusterroles/provider-reader",
            "{\"metadata\":{\"name\":\"provider-reader\"},\"rules\":[{\"verbs\":[\"get\",\"list\"],\"resources\":[\"providers\"],\"resource_names\":[]}]}");
        await _admin.PutJsonAsync("/api/core/v2/clusterrolebindings/provider-reader",
            "{\"metadata\":{\"name\":\"provider-reader\"},\"subjects\":[{\"type\":\"User\",\"name\":\"viewer\"}],\"role_ref\":{\"type\":\"ClusterRole\",\"name\":\"provider-reader\"}}");
        var one = await _viewer.GetStringAsync("/api/enterprise/secrets/v1/providers/vault");
        var all = await _viewer.GetStringAsync("/api/enterprise/secrets/v1/providers");
        Assert.DoesNotContain("canary-token-4711", one, StringComparison.Ordinal);
        Assert.DoesNotContain("canary-token-4711", all, StringComparison.Ordinal);
        Assert.Equal("REDACTED", JsonNode.Parse(one)!["spec"]!["client"]!["token"]!.GetValue<string>());
    }
}
