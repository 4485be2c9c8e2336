using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary>Silences: the name is <c>subscription:check</c>, begin defaults to now, expire_at follows, lists narrow by subscription or check.</summary>
public sealed class SilencedApiTests
{
    [Fact]
    public async Task A_silence_gets_its_computed_name_begin_and_expiry()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        const string root = "/api/core/v2/namespaces/default/silenced";
        Assert.Equal(HttpStatusCode.Created, await PostAsync(client, root, "{\"subscription\":\"linux\",\"check\":\"check-cpu\",\"expire\":600,\"reason\":\"maintenance\"}"));
        Assert.Equal(HttpStatusCode.Created, await PutAsync(client, $"{root}/{Uri.EscapeDataString("*:check-disk")}", "{\"check\":\"check-disk\"}"));

        var silence = JsonNode.Parse(await client.GetStringAsync($"{root}/linux%3Acheck-cpu"))!;
        Assert.Equal("linux:check-cpu", silence["metadata"]!["name"]!.GetValue<string>());
        var begin = silence["begin"]!.GetValue<long>();
        Assert.True(begin > 1_700_000_000);
        Assert.Equal(begin + 600, silence["expire_at"]!.GetValue<long>());
        Assert.Equal("admin", silence["creator"]!.GetValue<string>());

        var wildcard = JsonNode.Parse(await client.GetStringAsync($"{root}/%2A%3Acheck-disk"))!;
        Assert.Equal("*:check-disk", wildcard["metadata"]!["name"]!.GetValue<string>());

        var bySubscription = JsonNode.Parse(await client.GetStringAsync($"{root}/subscriptions/linux"))!.AsArray();
        Assert.Equal("linux:check-cpu", Assert.Single(bySubscription)!["metadata"]!["name"]!.GetValue<string>());
        var byCheck = JsonNode.Parse(await client.GetStringAsync($"{root}/checks/check-disk"))!.AsArray();
        Assert.Equal("*:check-disk", Assert.Single(byCheck)!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_silence_without_subscription_or_check_is_refused()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(client, "/api/core/v2/namespaces/default/silenced", "{\"reason\":\"nothing\"}"));
        Assert.Equal("[]", await client.GetStringAsync("/api/core/v2/namespaces/default/silenced"));
    }

    private static Task<HttpStatusCode> PostAsync(HttpClient client, string path, string json) => SendAsync(client, HttpMethod.Post, path, json);

    private static Task<HttpStatusCode> PutAsync(HttpClient client, string path, string json) => SendAsync(client, HttpMethod.Put, path, json);

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
