namespace Sensu.Store.Conformance;

/// <summary>
/// Base of every conformance suite: a new empty store per test (xunit makes one instance per test),
/// a per-test timeout token, and helpers to write resources. A provider's test class overrides
/// <see cref="CreateStoreAsync"/> only.
/// </summary>
public abstract class StoreConformanceBase : IAsyncLifetime
{
    protected const string Checks = "core/v2/checks";
    protected const string Handlers = "core/v2/handlers";
    protected const string Users = "core/v2/users";

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromMinutes(5));
    private IStoreUnderTest? _store;

    protected IStoreUnderTest Store => _store ?? throw new InvalidOperationException("store not created yet");

    protected CancellationToken Ct => _timeout.Token;

    /// <summary>Makes a new, empty store; called once per test.</summary>
    protected abstract Task<IStoreUnderTest> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        _timeout.Dispose();
    }

    protected static ResourceKey Key(string kind, string @namespace, string name) => new(kind, @namespace, name);

    protected static ResourceWrite Write(ResourceKey key, string json) => new(key, TypeOf(key.Kind), json);

    protected static ResourceWrite Write(string kind, string @namespace, string name) =>
        Write(Key(kind, @namespace, name), $$$"""{"metadata":{"name":"{{{name}}}","namespace":"{{{@namespace}}}"}}""");

    protected static string TypeOf(string kind) => kind switch
    {
        StoreKinds.Namespaces => "Namespace",
        Checks => "CheckConfig",
        Handlers => "Handler",
        Users => "User",
        _ => "Thing",
    };

    protected Task<StoredResource> CreateNamespaceAsync(string name) =>
        Store.Writer.CreateAsync(
            Write(ResourceKey.Cluster(StoreKinds.Namespaces, name), $$"""{"name":"{{name}}"}"""), Ct);

    protected async Task CreateNamespacesAsync(params string[] names)
    {
        foreach (var name in names)
        {
            await CreateNamespaceAsync(name);
        }
    }

    /// <summary>Reads every page of a listing, checking that each page respects the limit.</summary>
    protected static async Task<List<T>> ReadAllPagesAsync<T>(Func<PageRequest, Task<Page<T>>> list, int limit)
    {
        var all = new List<T>();
        string? token = null;
        for (var guard = 0; guard < 10_000; guard++)
        {
            var page = await list(new PageRequest(limit, token));
            Assert.True(page.Items.Count <= limit, $"page of {page.Items.Count} items exceeds limit {limit}");
            all.AddRange(page.Items);
            token = page.Continue;
            if (token is null)
            {
                return all;
            }

            Assert.Equal(limit, page.Items.Count);
        }

        throw new InvalidOperationException("listing never ended");
    }
}
