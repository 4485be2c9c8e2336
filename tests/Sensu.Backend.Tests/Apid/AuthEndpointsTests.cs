using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Sensu.Backend.Authentication;
using Sensu.Backend.Tests.Authentication;

namespace Sensu.Backend.Tests.Apid;

public sealed class AuthEndpointsTests : IAsyncLifetime
{
    private AuthTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AuthTestHost.StartAsync();
        await _host.AddUserAsync("admin", "P@ssw0rd!", "cluster-admins");
        await _host.AddUserAsync("bob", "b0bPassword", "ops");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Login_with_basic_credentials_returns_a_token_pair()
    {
        using var ok = await _host.SendAsync(HttpMethod.Get, "/auth", auth: AuthTestHost.Basic("admin", "P@ssw0rd!"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var doc = JsonDocument.Parse(await ok.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("access_token").GetString()));
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("refresh_token").GetString()));
        Assert.Equal(_host.Time.GetUtcNow().AddMinutes(5).ToUnixTimeSeconds(), doc.RootElement.GetProperty("expires_at").GetInt64());
    }

    [Theory]
    [InlineData("admin", "wrong")]
    [InlineData("nobody", "P@ssw0rd!")]
    public async Task Login_with_bad_credentials_is_401_with_code_5(string user, string password)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, "/auth", auth: AuthTestHost.Basic(user, password));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(5, await AuthTestHost.ErrorCodeAsync(response));
        using var none = await _host.SendAsync(HttpMethod.Get, "/auth");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Fact]
    public async Task Disabled_user_cannot_log_in()
    {
        var bob = (await _host.GetUserAsync("bob"))!;
        bob.Disabled = true;
        await _host.PutAsync(bob);
        using var response = await _host.SendAsync(HttpMethod.Get, "/auth", auth: AuthTestHost.Basic("bob", "b0bPassword"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Test_credentials()
    {
        using var ok = await _host.SendAsync(HttpMethod.Get, "/auth/test", auth: AuthTestHost.Basic("bob", "b0bPassword"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var bad = await _host.SendAsync(HttpMethod.Get, "/auth/test", auth: AuthTestHost.Basic("bob", "nope"));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Refresh_with_an_expired_access_token_returns_a_new_pair()
    {
        var pair = await _host.LoginAsync("admin", "P@ssw0rd!");
        _host.Time.Advance(TimeSpan.FromMinutes(10));
        using var expired = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks", pair.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);

        using var refreshed = await RefreshAsync(pair.AccessToken, pair.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = JsonSerializer.Deserialize(await refreshed.Content.ReadAsStringAsync(), AuthJsonContext.Default.TokenPairBody)!;
        Assert.NotEqual(pair.AccessToken, next.AccessToken);
        Assert.NotEqual(pair.RefreshToken, next.RefreshToken);
        using var again = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks", next.AccessToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Refresh_with_mismatched_subjects_is_401()
    {
        var admin = await _host.LoginAsync("admin", "P@ssw0rd!");
        var bob = await _host.LoginAsync("bob", "b0bPassword");
        using var response = await RefreshAsync(bob.AccessToken, admin.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(5, await AuthTestHost.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Refresh_with_bad_json_is_400()
    {
        var pair = await _host.LoginAsync("admin", "P@ssw0rd!");
        using var response = await _host.SendAsync(HttpMethod.Post, "/auth/token", pair.AccessToken, "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await AuthTestHost.ErrorCodeAsync(response));
    }

    [Fact]
    public async Task Refresh_after_expiry_of_the_refresh_token_is_401()
    {
        var pair = await _host.LoginAsync("admin", "P@ssw0rd!");
        _host.Time.Advance(TimeSpan.FromHours(12));
        using var response = await RefreshAsync(pair.AccessToken, pair.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var pair = await _host.LoginAsync("admin", "P@ssw0rd!");
        using var logout = await _host.SendAsync(HttpMethod.Post, "/auth/logout", pair.AccessToken, $"{{\"refresh_token\":\"{pair.RefreshToken}\"}}");
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        using var refresh = await RefreshAsync(pair.AccessToken, pair.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Expired_sessions_are_pruned_at_login()
    {
        await _host.LoginAsync("admin", "P@ssw0rd!");
        await _host.LoginAsync("bob", "b0bPassword");
        Assert.Equal(2, await SessionCountAsync());
        _host.Time.Advance(TimeSpan.FromHours(12));
        await _host.LoginAsync("bob", "b0bPassword");
        Assert.Equal(1, await SessionCountAsync());
    }

    private async Task<int> SessionCountAsync() =>
        (await _host.Store.ListAsync(AuthStoreKinds.Sessions, null, Store.PageRequest.All, CancellationToken.None)).Items.Count;

    [Fact]
    public async Task Refresh_is_refused_once_the_user_is_disabled()
    {
        var pair = await _host.LoginAsync("bob", "b0bPassword");
        var bob = (await _host.GetUserAsync("bob"))!;
        bob.Disabled = true;
        await _host.PutAsync(bob);
        using var refresh = await RefreshAsync(pair.AccessToken, pair.RefreshToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Api_requires_credentials_but_open_paths_do_not()
    {
        using var none = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(5, await AuthTestHost.ErrorCodeAsync(none));
        using var garbage = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks", "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        using var health = await _host.SendAsync(HttpMethod.Get, "/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Api_key_authenticates_as_its_user()
    {
        var pair = await _host.LoginAsync("admin", "P@ssw0rd!");
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/core/v2/apikeys", pair.AccessToken, "{\"username\":\"admin\"}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var location = created.Headers.Location!.ToString();
        Assert.StartsWith("/api/core/v2/apikeys/", location, StringComparison.Ordinal);
        var key = location["/api/core/v2/apikeys/".Length..];
        Assert.True(Guid.TryParse(key, out _));

        using var ok = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks", auth: new AuthenticationHeaderValue("Key", key));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var unknown = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks", auth: new AuthenticationHeaderValue("Key", Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        var admin = (await _host.GetUserAsync("admin"))!;
        admin.Disabled = true;
        await _host.PutAsync(admin);
        using var disabled = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks", auth: new AuthenticationHeaderValue("Key", key));
        Assert.Equal(HttpStatusCode.Unauthorized, disabled.StatusCode);
    }

    [Fact]
    public async Task Api_key_for_a_missing_user_is_404()
    {
        var pair = await _host.LoginAsync("admin", "P@ssw0rd!");
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/core/v2/apikeys", pair.AccessToken, "{\"username\":\"ghost\"}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private Task<HttpResponseMessage> RefreshAsync(string access, string refresh) =>
        _host.SendAsync(HttpMethod.Post, "/auth/token", access, $"{{\"refresh_token\":\"{refresh}\"}}");
}
