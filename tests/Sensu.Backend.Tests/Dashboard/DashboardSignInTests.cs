using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sensu.Backend.Authentication;
using Sensu.Backend.Dashboard.Auth;
using Sensu.Backend.Tests.Support;
using Sensu.Testing.Vault;

namespace Sensu.Backend.Tests.Dashboard;

/// <summary>Dashboard sign-in and sign-out on the API's credentials, throttling and sessions; the listener serves only the dashboard.</summary>
public sealed class DashboardSignInTests
{
    private readonly CancellationToken _ct = new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Signing_in_sets_an_http_only_strict_cookie_and_signing_out_ends_the_login_session()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var client = new DashboardClient(backend);

        using var signIn = await client.SignInAsync(TestBackend.AdminUser, TestBackend.AdminPassword, _ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/n/default/events", signIn.Headers.Location!.OriginalString);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sensu_dashboard=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", setCookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", setCookie, StringComparison.Ordinal); // plain HTTP listener; Secure with --dashboard-cert-file
        var cookie = DashboardClient.SessionCookie(signIn);
        var reference = cookie["sensu_dashboard=".Length..];
        var session = backend.Services.GetRequiredService<DashboardSessions>().Find(reference)!;
        var sessions = backend.Services.GetRequiredService<AuthSessions>();
        Assert.True(await sessions.IsLiveAsync(session.AuthSessionId, TestBackend.AdminUser, _ct));

        using var page = await client.SendAsync(HttpMethod.Get, "/n/default/events", cookie, _ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var signOut = await client.SendAsync(HttpMethod.Post, "/signout", cookie, _ct);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await sessions.IsLiveAsync(session.AuthSessionId, TestBackend.AdminUser, _ct));
        using var after = await client.SendAsync(HttpMethod.Get, "/n/default/events", cookie, _ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/signin", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_tls_the_dashboard_speaks_https_and_its_cookie_is_secure()
    {
        using var certificates = TestCertificates.Create();
        await using var backend = await TestBackend.StartAsync(o =>
        {
            o.DashboardCertFile = certificates.ServerCertPath;
            o.DashboardKeyFile = certificates.ServerKeyPath;
        }, _ct);
        using var client = new DashboardClient(backend, certificates.Ca);
        Assert.Equal("https", client.BaseAddress.Scheme);

        using var signIn = await client.SignInAsync(TestBackend.AdminUser, TestBackend.AdminPassword, _ct);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var setCookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sensu_dashboard=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("; secure", setCookie, StringComparison.Ordinal);
        Assert.Contains("httponly", setCookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_then_throttled_like_auth()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var client = new DashboardClient(backend);

        var errors = new List<string>();
        for (var i = 0; i < 8 && !errors.Contains("throttled"); i++)
        {
            using var response = await client.SignInAsync(TestBackend.AdminUser, "wrong-password", _ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("sensu_dashboard=", StringComparison.Ordinal)));
            errors.Add(System.Web.HttpUtility.ParseQueryString(new Uri(client.BaseAddress, response.Headers.Location!).Query)["error"]!);
        }
        Assert.Equal("refused", errors[0]);
        Assert.Equal("throttled", errors[^1]);
        using var throttledRight = await client.SignInAsync(TestBackend.AdminUser, TestBackend.AdminPassword, _ct);
        Assert.Contains("error=throttled", throttledRight.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthenticated_pages_redirect_to_sign_in_and_the_circuit_hub_is_refused()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var client = new DashboardClient(backend);

        using var page = await client.SendAsync(HttpMethod.Get, "/n/default/events", null, _ct);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/signin?return=%2Fn%2Fdefault%2Fevents", page.Headers.Location!.OriginalString);
        using var hub = await client.SendAsync(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1", null, _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
        using var forged = await client.SendAsync(HttpMethod.Get, "/n/default/events", "sensu_dashboard=forged", _ct);
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_port_serves_no_api_and_the_api_port_no_dashboard()
    {
        await using var backend = await TestBackend.StartAsync(cancellationToken: _ct);
        using var client = new DashboardClient(backend);
        using var signIn = await client.SignInAsync(TestBackend.AdminUser, TestBackend.AdminPassword, _ct);
        var cookie = DashboardClient.SessionCookie(signIn);

        using var health = await client.SendAsync(HttpMethod.Get, "/health", cookie, _ct);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
        using var api = await client.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces", cookie, _ct);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);

        using var anonymous = backend.Anonymous();
        using var apiHealth = await anonymous.GetAsync(new Uri("/health", UriKind.Relative), _ct);
        Assert.Equal(HttpStatusCode.OK, apiHealth.StatusCode);
        using var apiSignIn = await anonymous.GetAsync(new Uri("/signin", UriKind.Relative), _ct);
        Assert.Equal(HttpStatusCode.NotFound, apiSignIn.StatusCode);
        Assert.DoesNotContain("<form", await apiSignIn.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }
}
