using System.Net;
using System.Net.Http.Headers;
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
        Assert.Equal(HttpStatusCode.Created, await SendAsync(client, HttpMethod.Put, check, "{\"command\":\"true\",\"interval\":60}"));
        Assert.Equal(HttpStatusCode.Created, await SendAsync(client, HttpMethod.Put, $"{check}/hooks/critical", "{\"hooks\":[\"dump\",\"ps\"]}"));
        Assert.Equal(HttpStatusCode.Created, await SendAsync(client, HttpMethod.Put, $"{check}/hooks/critical", "{\"hooks\":[\"ps\"]}"));
        var hooks = JsonNode.Parse(await client.GetStringAsync(check))!["check_hooks"]!;
        Assert.Equal("[{\"critical\":[\"dump\",\"ps\"]}]", hooks.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, await SendAsync(client, HttpMethod.Delete, $"{check}/hooks/critical/hook/dump", null));
        Assert.Equal(HttpStatusCode.NotFound, await SendAsync(client, HttpMethod.Delete, $"{check}/hooks/critical/hook/dump", null));
        hooks = JsonNode.Parse(await client.GetStringAsync(check))!["check_hooks"]!;
        Assert.Equal("[{\"critical\":[\"ps\"]}]", hooks.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, await SendAsync(client, HttpMethod.Put, $"{check}/hooks/critical", "{\"hooks\":\"ps\"}"));
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
