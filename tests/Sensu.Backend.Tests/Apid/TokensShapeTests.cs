using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;

namespace Sensu.Backend.Tests.Apid;

/// <summary>
/// core/v2 <c>Tokens</c>, the body of <c>/auth</c> and <c>/auth/token</c>, has the shape of Sensu's Go type
/// (sensu/core v2 authentication.pb.go: <c>access_token</c>, <c>expires_at</c> (int64), <c>refresh_token</c>, none of
/// them omitempty): exactly those three fields. It lives in the backend, so the Core shape table cannot check it.
/// </summary>
public sealed class TokensShapeTests
{
    [Fact]
    public async Task Auth_answers_with_exactly_Sensus_three_token_fields()
    {
        await using var backend = await TestBackend.StartAsync();
        using var client = backend.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestBackend.AdminUser}:{TestBackend.AdminPassword}")));
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(["access_token", "expires_at", "refresh_token"], body.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(System.Text.Json.JsonValueKind.String, body["access_token"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, body["expires_at"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.String, body["refresh_token"]!.GetValueKind());
    }
}
