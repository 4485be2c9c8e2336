using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Cluster;
using Sensu.Backend.Tests.Support;
using Sensu.Store;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Tests.Cluster;

/// <summary>
/// Several in-process backends ("nodes", each a <see cref="TestBackend"/> with its own id, API and agent port)
/// sharing ONE SQLite store instance, its change feed included, as backends share one PostgreSQL database.
/// Heartbeats and leases are short so membership and takeover happen within a few seconds.
/// </summary>
internal sealed class ClusterNodes : IAsyncDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan Ttl = TimeSpan.FromSeconds(2);

    private readonly string _dir;
    private readonly SqliteStore _store;
    private readonly SqliteEventStore _events;
    private readonly List<TestBackend?> _nodes = [];

    private ClusterNodes(string dir, SqliteStore store)
    {
        _dir = dir;
        _store = store;
        _events = new SqliteEventStore(store);
    }

    public TestBackend this[int index] => _nodes[index] ?? throw new InvalidOperationException($"node {index} was stopped");

    public int Count => _nodes.Count;

    public static async Task<ClusterNodes> StartAsync(int count, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("sensu-cluster-").FullName;
        var cluster = new ClusterNodes(dir, new SqliteStore(new SqliteStoreOptions { StateDirectory = dir }));
        for (var i = 0; i < count; i++)
            await cluster.AddNodeAsync(cancellationToken);
        await cluster.WaitUntilAsync(() => cluster.Live().All(n => Membership(n).Members.Count == cluster.Live().Count()), cancellationToken);
        return cluster;
    }

    public static ClusterMembership Membership(TestBackend node) => node.Services.GetRequiredService<ClusterMembership>();

    /// <summary>Starts one more node (named <c>node-N</c>).</summary>
    public async Task<TestBackend> AddNodeAsync(CancellationToken cancellationToken)
    {
        var id = $"node-{_nodes.Count + 1}";
        var node = await TestBackend.StartAsync(o => o.LogLevel = Environment.GetEnvironmentVariable("CLUSTER_TEST_LOG") ?? "error", services =>
        {
            services.Replace(ServiceDescriptor.Singleton(_store));
            services.Replace(ServiceDescriptor.Singleton(_events));
            // By instance: the container disposes what its factories made, and the feed is shared.
            services.Replace(ServiceDescriptor.Singleton<IChangeFeed>(_store.Changes));
            services.Configure<ClusterOptions>(o =>
            {
                o.BackendId = id;
                o.HeartbeatInterval = Heartbeat;
                o.MemberTtl = Ttl;
                o.LeaseTtl = Ttl;
                o.DispatchRetention = TimeSpan.FromSeconds(2);
            });
        }, cancellationToken);
        _nodes.Add(node);
        return node;
    }

    public IEnumerable<TestBackend> Live() => _nodes.OfType<TestBackend>();

    /// <summary>The node holding the leader lease now (waits for one).</summary>
    public async Task<int> LeaderAsync(CancellationToken cancellationToken)
    {
        var index = -1;
        await WaitUntilAsync(() =>
        {
            index = _nodes.FindIndex(n => n is not null && Membership(n).IsLeaderAt(TimeProvider.System.GetUtcNow()));
            return index >= 0;
        }, cancellationToken);
        return index;
    }

    /// <summary>Stops a node cleanly (it releases its lease and leaves).</summary>
    public async Task StopAsync(int index)
    {
        if (_nodes[index] is { } node)
        {
            _nodes[index] = null;
            await node.DisposeAsync();
        }
    }

    public async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
            await Task.Delay(20, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < _nodes.Count; i++)
            await StopAsync(i);
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
