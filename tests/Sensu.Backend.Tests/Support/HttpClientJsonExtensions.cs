using System.Net;
using System.Net.Http.Headers;

namespace Sensu.Backend.Tests.Support;

/// <summary>Sends raw JSON text as the API receives it from clients, and returns status and body.</summary>
public static class HttpClientJsonExtensions
{
    public static async Task<(HttpStatusCode Status, string Body)> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpStatusCode> PutJsonAsync(this HttpClient client, string path, string json) =>
        (await client.SendJsonAsync(HttpMethod.Put, path, json)).Status;

    public static async Task<HttpStatusCode> PostJsonAsync(this HttpClient client, string path, string json) =>
        (await client.SendJsonAsync(HttpMethod.Post, path, json)).Status;
}
