using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Eventd;
using Sensu.Backend.Hosting;
using Sensu.Backend.Pipelined;

namespace Sensu.Backend.Tests.Eventd;

/// <summary>The API writes events through Eventd: a PUT returns once the new state is stored, so a GET sees it.</summary>
public sealed class EventdApiTests
{
    private const string Root = "/api/core/v2/namespaces/default/events";

    [Fact]
    public async Task Put_then_get_shows_the_merged_state()
    {
        var pipeline = new RecordingPipeline();
        var stateDir = Path.Combine(Path.GetTempPath(), "sensu-eventd-api-" + Guid.NewGuid().ToString("N"));
        var options = new BackendOptions
        {
            StateDir = stateDir,
            CacheDir = Path.Combine(stateDir, "cache"),
            ApiListenAddress = "127.0.0.1:0",
            DashboardHost = "127.0.0.1",
            DashboardPort = 0,
            LogLevel = "error",
            ClusterAdminUsername = "admin",
            ClusterAdminPassword = "P@ssw0rd!",
        };
        var app = BackendHost.Build(options, [s => s.AddSingleton<IEventPipeline>(pipeline), s => s.AddEventd()]);
        try
        {
            await app.Services.GetRequiredService<ClusterInitializer>().OnStartAsync(CancellationToken.None);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = await LoginAsync(new Uri(address));

            foreach (var status in new[] { 2, 2, 0 })
            {
                var body = $$$"""{"entity":{"metadata":{"name":"web1"},"subscriptions":["linux"]},"check":{"status":{{{status}}},"output":"s{{{status}}}","interval":60}}""";
                using var content = new StringContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var put = await client.PutAsync($"{Root}/web1/check-cpu", content);
                Assert.Equal(HttpStatusCode.Created, put.StatusCode);
            }

            var ev = JsonNode.Parse(await client.GetStringAsync($"{Root}/web1/check-cpu"))!;
            var check = ev["check"]!;
            Assert.Equal(0, check["status"]!.GetValue<int>());
            Assert.Equal("passing", check["state"]!.GetValue<string>());
            Assert.Equal(1, check["occurrences"]!.GetValue<int>());
            Assert.Equal(2, check["occurrences_watermark"]!.GetValue<int>());
            Assert.Equal([2, 2, 0], check["history"]!.AsArray().Select(h => h!["status"]!.GetValue<int>()));
            Assert.Equal(3, pipeline.Events.Count);
            Assert.True(pipeline.Events.Last().IsResolution);

            var entity = JsonNode.Parse(await client.GetStringAsync("/api/core/v2/namespaces/default/entities/web1"))!;
            Assert.Equal("proxy", entity["entity_class"]!.GetValue<string>());

            using var bad = new StringContent("""{"entity":{"metadata":{"name":"web1"}},"check":{"status":0,"ttl":2,"interval":1}}""");
            bad.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var refused = await client.PutAsync($"{Root}/web1/check-bad", bad);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(stateDir, recursive: true);
            }
            catch (IOException)
            {
                // Best effort.
            }
        }
    }

    private static async Task<HttpClient> LoginAsync(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("admin:P@ssw0rd!"u8.ToArray()));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["access_token"]!.GetValue<string>());
        return client;
    }
}
