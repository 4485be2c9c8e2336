using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Sensu.IntegrationTests.Support;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Agent;

/// <summary>A thin admin client for the backend's REST API, for end-to-end agent tests.</summary>
public sealed class SensuApi : IDisposable
{
    private readonly HttpClient _http;

    private SensuApi(HttpClient http) => _http = http;

    public static async Task<SensuApi> LoginAsync(BackendProcess backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var http = new HttpClient { BaseAddress = backend.ApiUrl, Timeout = TimeSpan.FromSeconds(15) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BackendProcess.AdminUsername}:{BackendProcess.AdminPassword}")));
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false))!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new SensuApi(http);
    }

    public async Task PutAsync(string path, string json)
    {
        using var response = await _http.PutAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json")).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"PUT {path} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
    }

    public async Task<HttpStatusCode> PostAsync(string path, string json)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json")).ConfigureAwait(false);
        return response.StatusCode;
    }

    public async Task<JsonNode?> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }

    /// <summary>Polls <paramref name="path"/> until <paramref name="accept"/> holds; returns the last answer.</summary>
    public async Task<JsonNode?> WaitForAsync(string path, Func<JsonNode, bool> accept, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        JsonNode? last = null;
        while (clock.Elapsed < timeout)
        {
            last = await GetAsync(path).ConfigureAwait(false);
            if (last is not null && accept(last))
                return last;
            await Task.Delay(250).ConfigureAwait(false);
        }
        return last;
    }

    public void Dispose() => _http.Dispose();
}
