using System.Net;
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
        Assert.Equal(HttpStatusCode.Created, await client.PostJsonAsync(root, "{\"subscription\":\"linux\",\"check\":\"check-cpu\",\"expire\":600,\"reason\":\"maintenance\"}"));
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync($"{root}/{Uri.EscapeDataString("*:check-disk")}", "{\"check\":\"check-disk\"}"));

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
        Assert.Equal(HttpStatusCode.BadRequest, await client.PostJsonAsync("/api/core/v2/namespaces/default/silenced", "{\"reason\":\"nothing\"}"));
        Assert.Equal("[]", await client.GetStringAsync("/api/core/v2/namespaces/default/silenced"));
    }
}
