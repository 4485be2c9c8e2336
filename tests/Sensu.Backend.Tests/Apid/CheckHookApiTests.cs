using System.Net;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary>Adding and removing hooks of one severity on a check through its sub-routes.</summary>
public sealed class CheckHookApiTests
{
    [Fact]
    public async Task Hooks_are_added_once_and_removed()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        const string check = "/api/core/v2/namespaces/default/checks/c";
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Put, check, "{\"command\":\"true\",\"interval\":60}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Put, $"{check}/hooks/critical", "{\"hooks\":[\"dump\",\"ps\"]}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await client.SendJsonAsync(HttpMethod.Put, $"{check}/hooks/critical", "{\"hooks\":[\"ps\"]}")).Status);
        var hooks = JsonNode.Parse(await client.GetStringAsync(check))!["check_hooks"]!;
        Assert.Equal("[{\"critical\":[\"dump\",\"ps\"]}]", hooks.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendJsonAsync(HttpMethod.Delete, $"{check}/hooks/critical/hook/dump", null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Delete, $"{check}/hooks/critical/hook/dump", null)).Status);
        hooks = JsonNode.Parse(await client.GetStringAsync(check))!["check_hooks"]!;
        Assert.Equal("[{\"critical\":[\"ps\"]}]", hooks.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendJsonAsync(HttpMethod.Put, $"{check}/hooks/critical", "{\"hooks\":\"ps\"}")).Status);
    }
}
