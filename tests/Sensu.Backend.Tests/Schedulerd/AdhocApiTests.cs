using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sensu.Backend.Agentd;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Schedulerd;

/// <summary>The real backend: <c>POST /checks/NAME/execute</c> → 202, and Schedulerd publishes the request once.</summary>
public sealed class AdhocApiTests
{
    [Fact]
    public async Task An_adhoc_execution_through_the_api_is_published_once()
    {
        var publisher = new RecordingPublisher();
        await using var backend = await TestBackend.StartAsync(null, services => services.Replace(ServiceDescriptor.Singleton<ICheckRequestPublisher>(publisher)));
        using var client = await backend.LoginAsync();
        const string check = "/api/core/v2/namespaces/default/checks/c";
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync(check, "{\"command\":\"true\",\"interval\":60,\"subscriptions\":[\"linux\"]}"));

        var (status, _) = await client.SendJsonAsync(HttpMethod.Post, $"{check}/execute", "{\"check\":\"c\",\"subscriptions\":[\"special\"],\"reason\":\"now\"}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        await DaemonHost.WaitUntilAsync(() => !publisher.Published.IsEmpty);
        await Task.Delay(300);
        var (_, topic, request) = Assert.Single(publisher.Published);
        Assert.Equal("special", topic);
        Assert.Equal("c", request.Config.Metadata.Name);
    }
}
