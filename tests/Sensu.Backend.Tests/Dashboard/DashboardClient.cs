using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Sensu.Backend.Dashboard;
using Sensu.Backend.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Sensu.Backend.Tests.Dashboard;

/// <summary>Plain HTTP to a <see cref="TestBackend"/>'s dashboard listener: no redirects followed, cookies handled by hand.</summary>
public sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="backend">The backend whose dashboard to reach.</param>
    /// <param name="trustedCa">For a TLS dashboard: the one CA whose server certificate is accepted.</param>
    public DashboardClient(TestBackend backend, X509Certificate2? trustedCa = null)
    {
        BaseAddress = backend.Services.GetRequiredService<DashboardListener>().Url!;
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        if (trustedCa is not null)
        {
            handler.ServerCertificateCustomValidationCallback = (_, certificate, chain, _) =>
            {
                if (certificate is null || chain is null)
                    return false;
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(trustedCa);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            };
        }
        _http = new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The sign-in form's POST (with its antiforgery token and cookie); returns the response.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        using var form = await _http.GetAsync(new Uri("/signin", UriKind.Relative), cancellationToken);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync(cancellationToken);
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        var antiforgeryCookie = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).First();
        var request = new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
                ["username"] = username,
                ["password"] = password,
                ["return"] = "/n/default/events",
            }),
        };
        request.Headers.Add("Cookie", antiforgeryCookie);
        return await _http.SendAsync(request, cancellationToken);
    }

    /// <summary>The dashboard cookie's <c>name=value</c> from a sign-in answer.</summary>
    public static string SessionCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sensu_dashboard=", StringComparison.Ordinal)).Split(';')[0];

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? cookie, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        return await _http.SendAsync(request, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
