using System.Net;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary>
/// Ad hoc execution answers: 202 when the check exists, 404 otherwise, 400 when the body names another check.
/// That the request is then published once is <c>Schedulerd/AdhocApiTests</c>' concern (Schedulerd drains the queue at once).
/// </summary>
public sealed class CheckExecuteApiTests
{
    [Fact]
    public async Task An_existing_check_is_accepted_and_others_refused()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        const string check = "/api/core/v2/namespaces/default/checks/c";
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync(check, "{\"command\":\"true\",\"interval\":60}"));

        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, $"{check}/execute", "{\"check\":\"c\",\"subscriptions\":[\"linux\"],\"reason\":\"now\"}");
        Assert.Equal(HttpStatusCode.Accepted, status);

        Assert.Equal(HttpStatusCode.NotFound, (await client.SendJsonAsync(HttpMethod.Post, "/api/core/v2/namespaces/default/checks/missing/execute", "{}")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendJsonAsync(HttpMethod.Post, $"{check}/execute", "{\"check\":\"other\"}")).Status);
    }
}
