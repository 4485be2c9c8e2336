using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Apid;
using Sensu.Backend.Resources;
using Sensu.Core.Resources.Core;
using Sensu.Store;
using Sensu.Store.Sqlite;

namespace Sensu.Benchmarks.Selectors;

/// <summary>
/// A SQLite store of 100,000 events (2,000 entities × 50 checks; one event in 100 has status 2; entity label
/// <c>cluster</c> takes 100 values), made once in the temp directory and reused by every case and run
/// (delete <c>sensu-bench-selectors-v1</c> there to make it again).
/// </summary>
internal static class SelectorBenchStore
{
    public const int Entities = 2_000;
    public const int Checks = 50;
    public const int EventCount = Entities * Checks;

    private static string Directory => Path.Combine(Path.GetTempPath(), "sensu-bench-selectors-v1");

    private static string Marker => Path.Combine(Directory, "complete");

    public static async Task<ServiceProvider> OpenAsync()
    {
        var fresh = !File.Exists(Marker);
        if (fresh && System.IO.Directory.Exists(Directory))
            System.IO.Directory.Delete(Directory, recursive: true);
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSqliteStore(new SqliteStoreOptions { StateDirectory = Directory });
        services.AddSingleton<ResourceService>();
        var provider = services.BuildServiceProvider();
        foreach (var hosted in provider.GetServices<IHostedService>())
            await hosted.StartAsync(CancellationToken.None);
        if (fresh)
        {
            await provider.GetRequiredService<ResourceService>().PutAsync(new Namespace("default"), CancellationToken.None);
            var events = provider.GetRequiredService<IEventStore>();
            for (var entity = 0; entity < Entities; entity++)
            {
                await Task.WhenAll(Enumerable.Range(0, Checks).Select(check =>
                    events.PutEventAsync(new EventKey("default", EntityName(entity), CheckName(check)), Json(entity, check), CancellationToken.None)));
            }
            await File.WriteAllTextAsync(Marker, EventCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return provider;
    }

    private static string EntityName(int entity) => $"entity-{entity:D5}";

    private static string CheckName(int check) => $"check-{check:D2}";

    private static byte[] Json(int entity, int check)
    {
        var status = (entity * Checks + check) % 100 == 7 ? 2 : 0;
        var ev = new JsonObject
        {
            ["metadata"] = new JsonObject { ["namespace"] = "default" },
            ["timestamp"] = 1700000000,
            ["entity"] = new JsonObject
            {
                ["entity_class"] = "agent",
                ["metadata"] = new JsonObject
                {
                    ["name"] = EntityName(entity),
                    ["namespace"] = "default",
                    ["labels"] = new JsonObject { ["cluster"] = $"c-{entity % 100:D3}", ["region"] = entity % 2 == 0 ? "eu" : "us" },
                },
                ["subscriptions"] = new JsonArray("linux", $"entity:{EntityName(entity)}"),
                ["system"] = new JsonObject { ["hostname"] = EntityName(entity), ["os"] = "linux", ["platform"] = "debian", ["arch"] = "amd64" },
            },
            ["check"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["name"] = CheckName(check), ["namespace"] = "default" },
                ["command"] = "check-" + check + " --warn 80 --crit 90",
                ["interval"] = 60,
                ["subscriptions"] = new JsonArray("linux"),
                ["handlers"] = new JsonArray("slack"),
                ["status"] = status,
                ["output"] = status == 0 ? "OK: all good" : "CRITICAL: over the threshold",
                ["executed"] = 1700000000,
                ["issued"] = 1700000000,
                ["history"] = new JsonArray(Enumerable.Range(0, 5).Select(i => (JsonNode)new JsonObject { ["status"] = 0, ["executed"] = 1700000000 - 60 * i }).ToArray()),
            },
        };
        return Encoding.UTF8.GetBytes(ev.ToJsonString());
    }
}
