using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Cluster;

/// <summary>Starts real backends on one PostgreSQL DSN with short cluster timings (heartbeat 1s, member ttl 8s, lease ttl 5s: a busy shared machine can delay a heartbeat by seconds).</summary>
public static class ClusterBackends
{
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--store", "postgres",
        "--cluster-heartbeat-interval", "1s", "--cluster-member-ttl", "8s", "--cluster-lease-ttl", "5s",
    ];

    /// <summary>The first alone (it initialises the store: admin user, namespaces), then the others at once.</summary>
    public static async Task<List<BackendProcess>> StartAsync(string dsn, int count, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string> { ["SENSU_BACKEND_POSTGRES_DSN"] = dsn };
        var backends = new List<BackendProcess> { await BackendProcess.StartAsync(Arguments, environment, cancellationToken) };
        try
        {
            var others = Enumerable.Range(1, count - 1).Select(_ => BackendProcess.StartAsync(Arguments, environment, cancellationToken)).ToList();
            try
            {
                await Task.WhenAll(others);
            }
            finally
            {
                foreach (var started in others.Where(t => t.IsCompletedSuccessfully))
                    backends.Add(await started);
            }
            return backends;
        }
        catch
        {
            await DisposeAsync(backends);
            throw;
        }
    }

    public static async Task DisposeAsync(IEnumerable<BackendProcess> backends)
    {
        foreach (var backend in backends)
            await backend.DisposeAsync();
    }
}
