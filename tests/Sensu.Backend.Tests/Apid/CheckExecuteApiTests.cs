using System.Net;
using Sensu.Backend.Schedulerd;
using Sensu.Backend.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Sensu.Backend.Tests.Apid;

/// <summary>Ad hoc execution: 202 and queued for the scheduler when the check exists, 404 otherwise.</summary>
public sealed class CheckExecuteApiTests
{
    [Fact]
    public async Task An_existing_check_is_accepted_and_queued()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        const string check = "/api/core/v2/namespaces/default/checks/c";
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync(check, "{\"command\":\"true\",\"interval\":60}"));

        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, $"{check}/execute", "{\"check\":\"c\",\"subscriptions\":[\"linux\"],\"reason\":\"now\"}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var queue = backend.Services.GetRequiredService<AdhocQueue>();
        Assert.Equal(1, queue.Count);
        await foreach (var request in queue.ReadAllAsync(CancellationToken.None))
        {
            Assert.Equal(new[] { "linux" }, request.Subscriptions);
            Assert.Equal("now", request.Reason);
            Assert.Equal("admin", request.Creator);
            break;
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/checks/missing/execute", "{}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendJsonAsync(HttpMethod.Post, $"{check}/execute", "{\"check\":\"other\"}")).Status);
    }
}
