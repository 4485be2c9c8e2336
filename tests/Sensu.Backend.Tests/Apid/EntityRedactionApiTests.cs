using System.Net;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary>Entity <c>redact</c> keys are redacted on every API path: entity get and list, event get and list.</summary>
public sealed class EntityRedactionApiTests
{
    private const string Canary = "canary-label-value-9182";

    [Fact]
    public async Task Redacted_labels_never_leave_the_api()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = await backend.LoginAsync();
        const string ns = "/api/core/v2/namespaces/default";
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync($"{ns}/entities/web1",
            $"{{\"entity_class\":\"proxy\",\"metadata\":{{\"name\":\"web1\",\"labels\":{{\"password\":\"{Canary}\",\"team\":\"ops\"}},\"annotations\":{{\"api_key\":\"{Canary}\"}}}}}}"));
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync($"{ns}/entities/db1",
            $"{{\"entity_class\":\"proxy\",\"redact\":[\"team\"],\"metadata\":{{\"name\":\"db1\",\"labels\":{{\"team\":\"{Canary}\",\"password\":\"visible\"}}}}}}"));
        Assert.Equal(HttpStatusCode.Created, await client.PutJsonAsync($"{ns}/events/web1/check-x",
            $"{{\"entity\":{{\"entity_class\":\"proxy\",\"metadata\":{{\"name\":\"web1\",\"labels\":{{\"password\":\"{Canary}\"}}}}}},\"check\":{{\"metadata\":{{\"name\":\"check-x\"}},\"status\":1,\"output\":\"x\",\"interval\":60}}}}"));

        foreach (var path in new[] { $"{ns}/entities/web1", $"{ns}/entities", "/api/core/v2/entities", $"{ns}/entities/db1", $"{ns}/events/web1/check-x", $"{ns}/events", $"{ns}/events/web1", "/api/core/v2/events" })
        {
            var body = await client.GetStringAsync(path);
            Assert.DoesNotContain(Canary, body, StringComparison.Ordinal);
            Assert.Contains("REDACTED", body, StringComparison.Ordinal);
        }
        Assert.Contains("\"team\":\"ops\"", await client.GetStringAsync($"{ns}/entities/web1"), StringComparison.Ordinal);
        Assert.Contains("\"password\":\"visible\"", await client.GetStringAsync($"{ns}/entities/db1"), StringComparison.Ordinal);
    }
}
