using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Registry;

namespace Sensu.Backend.Tests.Secrets;

/// <summary>
/// Issue 4 acceptance, canary test: with known secret values (env and Vault), debug logging, a handler printing
/// them to stdout and stderr, a failing handler, a handler whose lookup fails after a value resolved, and a check
/// output carrying them, the canaries appear in no log line, no API response (every collection and item, as
/// admin and as a read-only user), no event, no error text and no byte of the database files.
/// Issue 16 adds the admin password and the value of a backend variable no Secret names to the canaries.
/// The <c>sensuctl</c> surface is covered by <c>Sensu.Cli.Tests/Secrets/CanarySensuctlTests</c>.
/// </summary>
public sealed class CanaryAcrossSurfacesTests
{
    [Fact]
    public async Task Canaries_reach_no_log_api_response_event_error_text_or_database_byte()
    {
        await using var world = await CanaryWorld.StartAsync();
        var backend = world.Backend;

        // The leaky check's event is stored, scrubbed.
        var leaky = await backend.GetEventAsync("default", "web1", "leaky-check");
        Assert.NotNull(leaky);
        // Issue 16: the admin password and the unreferenced Env value too, though no secret resolved them.
        Assert.Equal("token=REDACTED vault=REDACTED unreferenced=REDACTED admin=REDACTED", leaky!["check"]!["output"]!.GetValue<string>());

        // API: every collection of every type, each item of it, as admin and as a read-only user.
        using var viewer = await world.ViewerAsync();
        var admin = backend.Admin;
        var adminSeen = await CrawlAsync(world, admin, "admin");
        var viewerSeen = await CrawlAsync(world, viewer, "viewer");
        Assert.True(adminSeen > 30, $"admin crawl read only {adminSeen} answers");
        Assert.True(viewerSeen > 10, $"viewer crawl read only {viewerSeen} answers");

        // Logs: everything the backend wrote at debug level, structured values, exceptions and scopes included.
        Assert.NotEmpty(backend.Logs.Lines);
        Assert.Contains(backend.Logs.Lines, l => l.Contains("[7010]") && l.Contains("env-canary"));
        Assert.Contains(backend.Logs.Lines, l => l.Contains("[7011]") && l.Contains("missing") && l.Contains("secret not found"));
        world.AssertClean("the backend log", backend.Logs.All);

        // Database: every file of the state dir, WAL included, before and after a checkpoint.
        await AssertStateDirCleanAsync(world, "before the checkpoint");
        foreach (var db in Directory.EnumerateFiles(backend.StateDir, "*.db", SearchOption.AllDirectories))
        {
            await using var connection = new SqliteConnection($"Data Source={db}");
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        await AssertStateDirCleanAsync(world, "after the checkpoint");
    }

    /// <summary>GETs every collection path (cluster-wide, and in <c>default</c> and <c>sensu-system</c>) and every item listed; returns how many answers were read.</summary>
    private static async Task<int> CrawlAsync(CanaryWorld world, HttpClient client, string who)
    {
        var paths = new List<string> { "/health", "/version", "/metrics", "/api/enterprise/secrets/v1/secrets", "/api/core/v2/namespaces/default/events/web1/leaky-check" };
        foreach (var type in ResourceRegistry.All)
        {
            if (type.Namespaced)
                paths.AddRange(new[] { "default", "sensu-system" }.Select(type.CollectionPath));
            else
                paths.Add(type.CollectionPath(null));
        }
        var read = 0;
        foreach (var path in paths.Distinct())
        {
            var (status, body) = await client.SendJsonAsync(HttpMethod.Get, path, null);
            world.AssertClean($"GET {path} as {who} ({(int)status})", body);
            read++;
            if (!CanaryWorld.IsOk(status) || !path.StartsWith("/api/", StringComparison.Ordinal) || JsonNode.Parse(body) is not JsonArray items)
                continue;
            foreach (var item in items)
            {
                if (ItemPath(path, item) is not { } single)
                    continue;
                var (_, answer) = await client.SendJsonAsync(HttpMethod.Get, single, null);
                world.AssertClean($"GET {single} as {who}", answer);
                read++;
            }
        }
        return read;
    }

    private static string? ItemPath(string collection, JsonNode? item)
    {
        var meta = item?["metadata"] ?? item?["spec"]?["metadata"];
        if (collection.EndsWith("/events", StringComparison.Ordinal))
        {
            var entity = item?["entity"]?["metadata"]?["name"]?.GetValue<string>();
            var check = item?["check"]?["metadata"]?["name"]?.GetValue<string>();
            return entity is null || check is null ? null : $"{collection}/{Uri.EscapeDataString(entity)}/{Uri.EscapeDataString(check)}";
        }
        var name = meta?["name"]?.GetValue<string>() ?? item?["username"]?.GetValue<string>() ?? item?["name"]?.GetValue<string>();
        return string.IsNullOrEmpty(name) ? null : $"{collection}/{Uri.EscapeDataString(name)}";
    }

    private static async Task AssertStateDirCleanAsync(CanaryWorld world, string when)
    {
        var files = Directory.EnumerateFiles(world.Backend.StateDir, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        foreach (var file in files)
        {
            byte[] bytes;
            await using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                bytes = copy.ToArray();
            }
            foreach (var canary in world.Canaries)
            {
                Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)) < 0, $"{file} holds a canary ({when})");
                Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(canary)) < 0, $"{file} holds a canary in UTF-16 ({when})");
            }
        }
    }
}
