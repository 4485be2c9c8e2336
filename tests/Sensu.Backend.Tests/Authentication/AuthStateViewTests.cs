using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Apid;
using Sensu.Backend.Authentication;
using Sensu.Backend.Resources;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Tests.Authentication;

public sealed class AuthStateViewTests : IAsyncLifetime
{
    private readonly SqliteTestStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly VerifiedPasswordCache _passwords = new();
    private AuthStateView _view = null!;

    public async Task InitializeAsync()
    {
        await PutUserAsync(new User { Username = "bob", PasswordHash = PasswordHasher.Hash("b0bPassword", 4) });
        await PutSessionAsync("s1", "bob");
        _view = new AuthStateView(_store, _store, _passwords, _time, NullLogger<AuthStateView>.Instance);
        await _view.StartAsync(CancellationToken.None);
        await _view.WaitReadyAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _view.StopAsync(CancellationToken.None);
        _view.Dispose();
        await _store.DisposeAsync();
    }

    [Fact]
    public void Loads_users_and_sessions_from_the_store()
    {
        Assert.NotNull(_view.Users.Get("bob")?.Value);
        Assert.Equal("bob", _view.Sessions.Get("s1")?.Value?.Record.Username);
    }

    [Fact]
    public async Task A_deleted_session_is_revoked_and_a_late_put_does_not_revive_it()
    {
        await _store.DeleteAsync(ResourceKey.Cluster(AuthStoreKinds.Sessions, "s1"), CancellationToken.None);
        await WaitAsync(() => _view.Sessions.Get("s1")?.Value is { Revoked: true });

        var stored = await PutSessionAsync("s1", "bob");
        await PutSessionAsync("s2", "bob");
        await WaitAsync(() => _view.Sessions.Get("s2") is not null);
        Assert.True(_view.Sessions.Get("s1")!.Value!.Revoked);
        Assert.True(stored.Revision > 0);
    }

    [Fact]
    public async Task A_new_password_or_a_disabled_user_revokes_its_sessions_and_forgets_the_old_hash()
    {
        var old = _view.Users.Get("bob")!.Value!.User.PasswordHash!;
        _passwords.Remember("b0bPassword", old);

        await PutUserAsync(new User { Username = "bob", PasswordHash = PasswordHasher.Hash("n3wPassword", 4) });

        await WaitAsync(() => _view.Sessions.Get("s1")?.Value is { Revoked: true });
        Assert.False(_passwords.IsVerified("b0bPassword", old));

        await PutSessionAsync("s3", "bob");
        await WaitAsync(() => _view.Sessions.Get("s3")?.Value is { Revoked: false });
        var current = (await _store.GetAsync(UserDirectory.UserKey("bob"), CancellationToken.None))!;
        var user = JsonSerializer.Deserialize(current.Json, Core.Json.SensuJsonContext.Default.User)!;
        user.Disabled = true;
        await PutUserAsync(user);
        await WaitAsync(() => _view.Sessions.Get("s3")?.Value is { Revoked: true });
    }

    [Fact]
    public void Expired_sessions_are_pruned()
    {
        _time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["s1"], _view.PruneExpired());
        Assert.Null(_view.Sessions.Get("s1"));
    }

    private async Task PutUserAsync(User user) =>
        await _store.PutAsync(ResourceService.ToWrite(ResourceRegistry.For(user), user), CancellationToken.None);

    private async Task<StoredResource> PutSessionAsync(string id, string user)
    {
        var record = new SessionRecord(user, "r-" + id, _time.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), "stamp");
        var json = JsonSerializer.Serialize(record, AuthJsonContext.Default.SessionRecord);
        var (stored, _) = await _store.PutAsync(new ResourceWrite(ResourceKey.Cluster(AuthStoreKinds.Sessions, id), AuthStoreKinds.SessionType, json), CancellationToken.None);
        return stored;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
            await Task.Delay(5, timeout.Token);
    }
}
