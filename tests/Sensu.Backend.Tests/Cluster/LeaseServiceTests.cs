using Microsoft.Extensions.Time.Testing;
using Sensu.Backend.Cluster;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Tests.Cluster;

public sealed class LeaseServiceTests : IAsyncDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly string _dir = Directory.CreateTempSubdirectory("sensu-lease-").FullName;
    private readonly SqliteStore _store;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly LeaseService _leases;

    public LeaseServiceTests()
    {
        _store = new SqliteStore(new SqliteStoreOptions { StateDirectory = _dir });
        _leases = new LeaseService(new SqliteResourceReader(_store), new SqliteResourceWriter(_store), _time);
    }

    [Fact]
    public async Task A_held_lease_is_refused_to_others_until_it_expires_then_taken_with_a_greater_token()
    {
        var a = await _leases.TryAcquireAsync("leader", "a", Ttl, None);
        Assert.NotNull(a);
        Assert.Null(await _leases.TryAcquireAsync("leader", "b", Ttl, None));
        Assert.Equal("a", await _leases.HolderAsync("leader", None));

        _time.Advance(Ttl + TimeSpan.FromMilliseconds(1));
        Assert.False(a.HeldAt(_time.GetUtcNow()));
        var b = await _leases.TryAcquireAsync("leader", "b", Ttl, None);

        Assert.NotNull(b);
        Assert.True(b.Token > a.Token);
        Assert.Null(await _leases.RenewAsync(a, Ttl, None));
        Assert.False(await _leases.ReleaseAsync(a, None));
        Assert.Equal("b", await _leases.HolderAsync("leader", None));
    }

    [Fact]
    public async Task Renewal_keeps_the_fencing_token_and_release_frees_the_lease_at_once()
    {
        var a = await _leases.TryAcquireAsync("leader", "a", Ttl, None);
        _time.Advance(Ttl / 2);
        var renewed = await _leases.RenewAsync(a!, Ttl, None);
        _time.Advance(Ttl * 0.75);

        Assert.NotNull(renewed);
        Assert.Equal(a!.Token, renewed.Token);
        Assert.True(renewed.HeldAt(_time.GetUtcNow()));
        Assert.Null(await _leases.TryAcquireAsync("leader", "b", Ttl, None));

        Assert.True(await _leases.ReleaseAsync(renewed, None));
        Assert.Null(await _leases.HolderAsync("leader", None));
        var b = await _leases.TryAcquireAsync("leader", "b", Ttl, None);
        Assert.True(b!.Token > renewed.Revision);
    }

    [Fact]
    public async Task Contenders_racing_for_a_free_lease_get_it_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => _leases.TryAcquireAsync("race", $"c{i}", Ttl, None)));
        Assert.Single(results, r => r is not null);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
