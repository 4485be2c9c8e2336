using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Authentication;
using Sensu.Backend.Tests.Authentication;
using Sensu.Backend.Tests.Support;
using Sensu.Store;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16, point 4: a token is honoured only while its user exists, is enabled, has the same password and its
/// session is live; refresh tokens rotate and a reused one ends its session. Point 7 (login part): logins, refreshes
/// and logouts keep working while the store refuses writes.
/// </summary>
public sealed class TokenLifecycleTests : IAsyncLifetime
{
    private const string Api = "/api/core/v2/namespaces/default/checks";
    private readonly SqliteTestStore _store = new();
    private readonly FailingWriter _writer;
    private AuthTestHost _host = null!;

    public TokenLifecycleTests() => _writer = new FailingWriter(_store);

    public async Task InitializeAsync()
    {
        _host = await AuthTestHost.StartAsync(_store, s => s.AddSingleton<IResourceWriter>(_writer));
        await _host.AddUserAsync("admin", "P@ssw0rd!", "cluster-admins");
        await _host.AddUserAsync("bob", "b0bPassword", "cluster-admins");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task A_token_of_a_deleted_user_is_401()
    {
        var bob = await _host.LoginAsync("bob", "b0bPassword");
        await AssertStatusAsync(HttpStatusCode.OK, bob.AccessToken);

        await _host.DeleteUserAsync("bob");

        await AssertStatusAsync(HttpStatusCode.Unauthorized, bob.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(bob)).StatusCode);
    }

    [Fact]
    public async Task A_token_of_a_user_disabled_through_the_api_is_401_at_once_and_stays_so_after_reinstatement()
    {
        var admin = await _host.LoginAsync("admin", "P@ssw0rd!");
        var bob = await _host.LoginAsync("bob", "b0bPassword");

        using var disabled = await _host.SendAsync(HttpMethod.Delete, "/api/core/v2/users/bob", admin.AccessToken);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, bob.AccessToken);

        using var reinstated = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/reinstate", admin.AccessToken);
        Assert.Equal(HttpStatusCode.Created, reinstated.StatusCode);
        await _host.WaitForViewAsync(v => v.Users.Get("bob")?.Value is { User.Disabled: false });
        await AssertStatusAsync(HttpStatusCode.Unauthorized, bob.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(bob)).StatusCode);
        await AssertStatusAsync(HttpStatusCode.OK, (await _host.LoginAsync("bob", "b0bPassword")).AccessToken);
    }

    [Fact]
    public async Task A_token_of_a_user_disabled_in_the_store_by_another_backend_is_401()
    {
        var bob = await _host.LoginAsync("bob", "b0bPassword");
        var user = (await _host.GetUserAsync("bob"))!;
        user.Disabled = true;

        await _host.PutAsync(user);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, bob.AccessToken);
    }

    [Fact]
    public async Task A_logged_out_token_is_401_on_the_next_request()
    {
        var bob = await _host.LoginAsync("bob", "b0bPassword");
        await AssertStatusAsync(HttpStatusCode.OK, bob.AccessToken);

        using var logout = await _host.SendAsync(HttpMethod.Post, "/auth/logout", bob.AccessToken);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, bob.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(bob)).StatusCode);
    }

    [Fact]
    public async Task Old_tokens_are_401_after_the_user_changes_its_own_password()
    {
        var first = await _host.LoginAsync("bob", "b0bPassword");
        var second = await _host.LoginAsync("bob", "b0bPassword");

        using var change = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/password", second.AccessToken, "{\"password\":\"b0bPassword\",\"password_new\":\"n3wPassword\"}");
        Assert.Equal(HttpStatusCode.Created, change.StatusCode);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, first.AccessToken);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, second.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(first)).StatusCode);
        await AssertStatusAsync(HttpStatusCode.OK, (await _host.LoginAsync("bob", "n3wPassword")).AccessToken);
    }

    [Fact]
    public async Task Old_tokens_are_401_after_an_admin_resets_the_password()
    {
        var admin = await _host.LoginAsync("admin", "P@ssw0rd!");
        var bob = await _host.LoginAsync("bob", "b0bPassword");

        using var reset = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/users/bob/reset_password", admin.AccessToken, "{\"password_new\":\"r3setPassword\"}");
        Assert.Equal(HttpStatusCode.Created, reset.StatusCode);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, bob.AccessToken);
        await AssertStatusAsync(HttpStatusCode.OK, admin.AccessToken);
    }

    [Fact]
    public async Task Old_tokens_are_401_after_a_password_change_made_on_another_backend()
    {
        var bob = await _host.LoginAsync("bob", "b0bPassword");
        var user = (await _host.GetUserAsync("bob"))!;
        user.PasswordHash = PasswordHasher.Hash("an0therPassword", 4);

        await _host.PutAsync(user);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, bob.AccessToken);
    }

    [Fact]
    public async Task A_validly_signed_token_for_a_user_that_does_not_exist_is_401()
    {
        var tokens = _host.App.Services.GetRequiredService<JwtTokenService>();
        var forged = await tokens.IssueAccessTokenAsync("mallory", ["cluster-admins"], Guid.NewGuid().ToString(), CancellationToken.None);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, forged.Token);
        using var users = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/users", forged.Token);
        Assert.Equal(HttpStatusCode.Unauthorized, users.StatusCode);

        // An existing user's name with a session that was never opened is refused as well.
        var forgedAdmin = await tokens.IssueAccessTokenAsync("admin", ["cluster-admins"], Guid.NewGuid().ToString(), CancellationToken.None);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, forgedAdmin.Token);
    }

    [Fact]
    public async Task A_reused_refresh_token_is_401_and_ends_the_tokens_issued_from_its_first_use()
    {
        var login = await _host.LoginAsync("bob", "b0bPassword");
        using var first = await RefreshAsync(login);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var sibling = await ReadPairAsync(first);
        Assert.NotEqual(login.RefreshToken, sibling.RefreshToken);
        await AssertStatusAsync(HttpStatusCode.OK, sibling.AccessToken);

        using var reuse = await RefreshAsync(login);
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);

        await AssertStatusAsync(HttpStatusCode.Unauthorized, sibling.AccessToken);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, login.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(sibling)).StatusCode);
    }

    [Fact]
    public async Task Each_refresh_rotates_and_the_chain_keeps_working()
    {
        var pair = await _host.LoginAsync("bob", "b0bPassword");
        for (var i = 0; i < 3; i++)
        {
            _host.Time.Advance(TimeSpan.FromMinutes(6));
            await AssertStatusAsync(HttpStatusCode.Unauthorized, pair.AccessToken);
            using var refreshed = await RefreshAsync(pair);
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            pair = await ReadPairAsync(refreshed);
            await AssertStatusAsync(HttpStatusCode.OK, pair.AccessToken);
        }
    }

    [Fact]
    public async Task An_api_key_of_a_deleted_user_is_401()
    {
        var admin = await _host.LoginAsync("admin", "P@ssw0rd!");
        using var created = await _host.SendAsync(HttpMethod.Post, "/api/core/v2/apikeys", admin.AccessToken, "{\"username\":\"bob\"}");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var key = created.Headers.Location!.ToString()["/api/core/v2/apikeys/".Length..];
        var header = new System.Net.Http.Headers.AuthenticationHeaderValue("Key", key);
        using (var ok = await _host.SendAsync(HttpMethod.Get, Api, auth: header))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        await _host.DeleteUserAsync("bob");

        using var refused = await _host.SendAsync(HttpMethod.Get, Api, auth: header);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Login_refresh_and_logout_work_while_the_store_refuses_writes()
    {
        await _host.LoginAsync("admin", "P@ssw0rd!"); // the signing key exists before the disk fills up
        _writer.Failing = true;

        var bob = await _host.LoginAsync("bob", "b0bPassword");
        Assert.True(_writer.Refused > 0);
        await AssertStatusAsync(HttpStatusCode.OK, bob.AccessToken);

        using var refreshed = await RefreshAsync(bob);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var next = await ReadPairAsync(refreshed);
        await AssertStatusAsync(HttpStatusCode.OK, next.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(bob)).StatusCode);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, next.AccessToken);

        var again = await _host.LoginAsync("bob", "b0bPassword");
        using var logout = await _host.SendAsync(HttpMethod.Post, "/auth/logout", again.AccessToken);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        await AssertStatusAsync(HttpStatusCode.Unauthorized, again.AccessToken);
    }

    private async Task AssertStatusAsync(HttpStatusCode expected, string bearer)
    {
        using var response = await _host.SendAsync(HttpMethod.Get, Api, bearer);
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
            Assert.Equal(5, await AuthTestHost.ErrorCodeAsync(response));
    }

    private Task<HttpResponseMessage> RefreshAsync(TokenPairBody pair) =>
        _host.SendAsync(HttpMethod.Post, "/auth/token", pair.AccessToken, $"{{\"refresh_token\":\"{pair.RefreshToken}\"}}");

    private static async Task<TokenPairBody> ReadPairAsync(HttpResponseMessage response) =>
        System.Text.Json.JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), AuthJsonContext.Default.TokenPairBody)!;

    /// <summary>The test store's writer, which throws as a full disk does while <see cref="Failing"/>.</summary>
    private sealed class FailingWriter(SqliteTestStore store) : IResourceWriter
    {
        private int _refused;

        public volatile bool Failing;

        public int Refused => Volatile.Read(ref _refused);

        public Task<StoredResource> CreateAsync(ResourceWrite write, CancellationToken cancellationToken)
        {
            Check();
            return store.CreateAsync(write, cancellationToken);
        }

        public Task<(StoredResource Resource, PutOutcome Outcome)> PutAsync(ResourceWrite write, CancellationToken cancellationToken)
        {
            Check();
            return store.PutAsync(write, cancellationToken);
        }

        public Task<StoredResource> ReplaceAsync(ResourceWrite write, long expectedRevision, CancellationToken cancellationToken)
        {
            Check();
            return store.ReplaceAsync(write, expectedRevision, cancellationToken);
        }

        public Task<bool> DeleteAsync(ResourceKey key, CancellationToken cancellationToken)
        {
            Check();
            return store.DeleteAsync(key, cancellationToken);
        }

        public Task PutManyAsync(IReadOnlyList<ResourceWrite> writes, CancellationToken cancellationToken)
        {
            Check();
            return store.PutManyAsync(writes, cancellationToken);
        }

        private void Check()
        {
            if (!Failing)
                return;
            Interlocked.Increment(ref _refused);
            throw new StoreUnavailableException("database or disk is full", new IOException("No space left on device"));
        }
    }
}
