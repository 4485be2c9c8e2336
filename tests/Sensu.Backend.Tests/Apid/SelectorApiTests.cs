using System.Net;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary><c>labelSelector</c> and <c>fieldSelector</c> on list routes (issue 17 point 5): per type, per operator; invalid → 400.</summary>
public sealed class SelectorApiTests : IAsyncLifetime
{
    private const string Checks = "/api/core/v2/namespaces/default/checks";
    private const string Events = "/api/core/v2/namespaces/default/events";
    private TestBackend _backend = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync();
        _client = await _backend.LoginAsync();
        foreach (var (name, subscription, region) in new[] { ("cpu", "linux", "eu"), ("disk", "linux", "us"), ("iis", "windows", "eu") })
        {
            Assert.Equal(HttpStatusCode.Created, await _client.PutJsonAsync($"{Checks}/{name}", $$$"""
                {"metadata":{"name":"{{{name}}}","namespace":"default","labels":{"region":"{{{region}}}"}},"command":"true","interval":60,"subscriptions":["{{{subscription}}}"],"publish":false}
                """));
        }
        foreach (var (entity, status) in new[] { ("web-1", 0), ("web-2", 2), ("db-1", 1) })
        {
            var entityJson = new JsonObject
            {
                ["entity_class"] = "proxy",
                ["metadata"] = new JsonObject { ["name"] = entity, ["namespace"] = "default", ["labels"] = new JsonObject { ["tier"] = entity[..2] } },
            };
            var check = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "ping", ["namespace"] = "default" }, ["status"] = status, ["output"] = "x" };
            Assert.Equal(HttpStatusCode.Created, await _client.PostJsonAsync(Events, new JsonObject { ["entity"] = entityJson, ["check"] = check }.ToJsonString()));
        }
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _backend.DisposeAsync();
    }

    private async Task<List<string>> NamesAsync(string path, Func<JsonNode, string> name)
    {
        var body = await _client.GetStringAsync(new Uri(path, UriKind.Relative));
        return [.. JsonNode.Parse(body)!.AsArray().Select(n => name(n!)).Order(StringComparer.Ordinal)];
    }

    private Task<List<string>> ChecksAsync(string query) =>
        NamesAsync($"{Checks}?{query}", n => n["metadata"]!["name"]!.GetValue<string>());

    private async Task<List<string>> EventEntitiesAsync(string query)
    {
        // Events are stored by Eventd after the POST returns: wait until all three are listed.
        for (var i = 0; i < 100 && (await NamesAsync(Events, n => n["entity"]!["metadata"]!["name"]!.GetValue<string>())).Count < 3; i++)
            await Task.Delay(100);
        return await NamesAsync($"{Events}?{query}", n => n["entity"]!["metadata"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("fieldSelector=check.name%20%3D%3D%20cpu", "cpu")]
    [InlineData("fieldSelector=check.name%20!%3D%20cpu", "disk,iis")]
    [InlineData("fieldSelector=check.name%20in%20%5Bcpu%2Ciis%5D", "cpu,iis")]
    [InlineData("fieldSelector=check.name%20notin%20%5Bcpu%5D", "disk,iis")]
    [InlineData("fieldSelector=check.name%20matches%20is", "disk,iis")]
    [InlineData("fieldSelector=linux%20in%20check.subscriptions", "cpu,disk")]
    [InlineData("labelSelector=region%20%3D%3D%20eu", "cpu,iis")]
    [InlineData("labelSelector=region%20%3D%3D%20eu&fieldSelector=linux%20in%20check.subscriptions", "cpu")]
    [InlineData("fieldSelector=check.labels.region%20%3D%3D%20us", "disk")]
    public async Task Check_lists_are_selected(string query, string expected) =>
        Assert.Equal(expected.Split(','), await ChecksAsync(query));

    [Theory]
    [InlineData("fieldSelector=event.check.status%20!%3D%20%270%27", "db-1,web-2")]
    [InlineData("fieldSelector=event.entity.name%20matches%20web", "web-1,web-2")]
    [InlineData("labelSelector=tier%20%3D%3D%20db", "db-1")]
    public async Task Event_lists_are_selected(string query, string expected) =>
        Assert.Equal(expected.Split(','), await EventEntitiesAsync(query));

    [Theory]
    [InlineData("fieldSelector=check.name%20%3D%20cpu", "failed to parse fieldSelector")]
    [InlineData("labelSelector=%26%26%20region%20%3D%3D%20eu", "failed to parse labelSelector")]
    public async Task Invalid_selectors_are_400_with_the_reason(string query, string message)
    {
        foreach (var path in new[] { $"{Checks}?{query}", $"{Events}?{query}" })
        {
            using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.StartsWith(message, body["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(1, body["code"]!.GetValue<int>());
        }
    }
}
