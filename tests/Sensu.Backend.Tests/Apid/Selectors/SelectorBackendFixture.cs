using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sensu.Backend.Apid;
using Sensu.Backend.Tests.Support;
using Sensu.Store;
using Sensu.Store.Sqlite;

namespace Sensu.Backend.Tests.Apid.Selectors;

/// <summary>
/// One backend for the selector push-down tests: lists read the store 3 rows at a time (so pages span chunks), the
/// event store and resource reader can drop the store filter (the in-memory baseline), and the data is seeded once.
/// </summary>
public sealed class SelectorBackendFixture : IAsyncLifetime
{
    public const int ChunkSize = 3;
    public static readonly string[] EntityNames = ["db-1", "db-2", "proxy", "web-1", "web-2"];
    public static readonly string[] CheckNames = ["cpu", "disk", "ping"];

    private TestBackend _backend = null!;

    public HttpClient Client { get; private set; } = null!;

    public FilterSwitchingEventStore Events { get; private set; } = null!;

    public FilterSwitchingResourceReader Resources { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync(null, services =>
        {
            services.Replace(ServiceDescriptor.Singleton(sp => new ApiLimits(sp.GetRequiredService<IOptions<ApidOptions>>().Value.RequestLimit, ChunkSize)));
            services.AddSingleton(sp => new FilterSwitchingEventStore(sp.GetRequiredService<SqliteEventStore>()));
            services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<FilterSwitchingEventStore>());
            services.AddSingleton(sp => new FilterSwitchingResourceReader(new SqliteResourceReader(sp.GetRequiredService<SqliteStore>())));
            services.AddSingleton<IResourceReader>(sp => sp.GetRequiredService<FilterSwitchingResourceReader>());
        });
        Client = await _backend.LoginAsync();
        Events = _backend.Services.GetRequiredService<FilterSwitchingEventStore>();
        Resources = _backend.Services.GetRequiredService<FilterSwitchingResourceReader>();
        Assert.Equal(HttpStatusCode.Created, await Client.PutJsonAsync("/api/core/v2/namespaces/dev", """{"name":"dev"}"""));

        var i = 0;
        foreach (var entity in EntityNames)
        {
            foreach (var check in CheckNames)
            {
                await Events.PutEventAsync(new EventKey("default", entity, check), EventJson("default", entity, check, i), CancellationToken.None);
                i++;
            }
        }
        foreach (var entity in new[] { "web-1", "db-9" })
            await Events.PutEventAsync(new EventKey("dev", entity, "cpu"), EventJson("dev", entity, "cpu", i++), CancellationToken.None);

        foreach (var (name, region, subscription) in new[] { ("cpu", "eu", "linux"), ("disk", "us", "linux"), ("iis", "eu", "windows"), ("mem", "ap", "linux"), ("ping", "us", "windows") })
        {
            Assert.Equal(HttpStatusCode.Created, await Client.PutJsonAsync($"/api/core/v2/namespaces/default/checks/{name}", $$$"""
                {"metadata":{"name":"{{{name}}}","namespace":"default","labels":{"region":"{{{region}}}"}},"command":"true","interval":60,"subscriptions":["{{{subscription}}}"],"publish":false}
                """));
        }
        foreach (var (name, tier) in new[] { ("db-1", "db"), ("web-1", "web"), ("web-2", "web") })
        {
            Assert.Equal(HttpStatusCode.Created, await Client.PutJsonAsync($"/api/core/v2/namespaces/default/entities/{name}", $$$"""
                {"metadata":{"name":"{{{name}}}","namespace":"default","labels":{"tier":"{{{tier}}}","password":"hunter2"}},"entity_class":"proxy"}
                """));
        }
        foreach (var (subscription, check) in new[] { ("linux", "cpu"), ("linux", "disk"), ("linux", "*"), ("windows", "cpu"), ("linux", "mem") })
        {
            Assert.Equal(HttpStatusCode.Created, await Client.PostJsonAsync("/api/core/v2/namespaces/default/silenced",
                new JsonObject { ["subscription"] = subscription, ["check"] = check, ["metadata"] = new JsonObject { ["namespace"] = "default" } }.ToJsonString()));
        }
    }

    /// <summary>
    /// An event whose status, labels and check labels vary with <paramref name="i"/>: entity labels tier and region
    /// (and a password, redacted in answers, on web-1), a check label region on disk (it wins over the entity's),
    /// a team on every third event, no status at all on every fifth.
    /// </summary>
    private static string EventJson(string @namespace, string entity, string check, int i)
    {
        var entityLabels = new JsonObject { ["tier"] = entity.Split('-')[0], ["region"] = i % 2 == 0 ? "eu" : "us" };
        if (entity == "web-1")
            entityLabels["password"] = "hunter2";
        var checkJson = new JsonObject
        {
            ["metadata"] = check == "disk"
                ? new JsonObject { ["name"] = check, ["namespace"] = @namespace, ["labels"] = new JsonObject { ["region"] = "ap" } }
                : new JsonObject { ["name"] = check, ["namespace"] = @namespace },
            ["command"] = "true",
            ["interval"] = 60,
            ["output"] = "x",
        };
        if (i % 5 != 0)
            checkJson["status"] = i % 3;
        var meta = new JsonObject { ["namespace"] = @namespace };
        if (i % 3 == 0)
            meta["labels"] = new JsonObject { ["team"] = "ops" };
        return new JsonObject
        {
            ["metadata"] = meta,
            ["timestamp"] = 1700000000,
            ["entity"] = new JsonObject
            {
                ["entity_class"] = "proxy",
                ["metadata"] = new JsonObject { ["name"] = entity, ["namespace"] = @namespace, ["labels"] = entityLabels },
            },
            ["check"] = checkJson,
        }.ToJsonString();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _backend.DisposeAsync();
    }
}
