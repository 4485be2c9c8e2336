using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sensu.Testing.Processes;

namespace Sensu.Dashboard.Tests;

/// <summary>A real backend process with its dashboard on a free loopback port, and an admin API client to arrange data.</summary>
public sealed partial class DashboardSite : IAsyncDisposable
{
    private DashboardSite(BackendProcess backend, Uri dashboardUrl, HttpClient admin)
    {
        Backend = backend;
        DashboardUrl = dashboardUrl;
        Admin = admin;
    }

    public BackendProcess Backend { get; }

    public Uri DashboardUrl { get; }

    public HttpClient Admin { get; }

    public static Task<DashboardSite> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(new Dictionary<string, string>(), cancellationToken);

    /// <summary>Same, with extra environment variables for the backend process (an Env provider's secrets).</summary>
    public static async Task<DashboardSite> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var backend = await BackendProcess.StartAsync([], environment, cancellationToken);
        Uri? url = null;
        while (url is null)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ListenerLine().Match(backend.Log.Text()) is { Success: true } match)
                url = new Uri(match.Groups[1].Value);
            else
                await Task.Delay(50, cancellationToken);
        }
        var admin = new HttpClient { BaseAddress = backend.ApiUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{BackendProcess.AdminUsername}:{BackendProcess.AdminPassword}")));
        using var response = await admin.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body!["access_token"]!.GetValue<string>());
        return new DashboardSite(backend, url, admin);
    }

    public async Task SendAsync(HttpMethod method, string path, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        using var response = await Admin.SendAsync(request, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Backend.DisposeAsync();
    }

    [GeneratedRegex(@"dashboard listener started on ([^\s""]+)")]
    private static partial Regex ListenerLine();
}
