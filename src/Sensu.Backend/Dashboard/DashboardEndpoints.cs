using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Authentication;
using Sensu.Backend.Dashboard.Auth;

namespace Sensu.Backend.Dashboard;

/// <summary>The dashboard's two form posts: sign-in (antiforgery-checked) and sign-out (the SameSite=Strict cookie is its guard).</summary>
public static class DashboardEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInPath, SignInAsync);
        endpoints.MapPost(SignOutPath, SignOutAsync).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, [FromForm] string? username, [FromForm] string? password, [FromForm(Name = "return")] string? returnUrl, DashboardAuth auth, DashboardListener listener)
    {
        var (outcome, reference) = await auth.SignInAsync(username ?? string.Empty, password ?? string.Empty, context.Connection.RemoteIpAddress?.ToString() ?? "unknown", context.RequestAborted);
        var back = LocalPath(returnUrl);
        if (reference is null)
        {
            var error = outcome.Status switch
            {
                LoginStatus.Throttled => "throttled",
                LoginStatus.Busy => "busy",
                _ => "refused",
            };
            return Results.Redirect($"{SignInPath}?error={error}&return={Uri.EscapeDataString(back)}");
        }
        context.Response.Cookies.Append(DashboardAuth.CookieName, reference, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = listener.Tls,
            Path = "/",
            IsEssential = true,
        });
        return Results.Redirect(back);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, DashboardAuth auth)
    {
        await auth.SignOutAsync(context.Request.Cookies[DashboardAuth.CookieName], context.RequestAborted);
        context.Response.Cookies.Delete(DashboardAuth.CookieName, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
        return Results.Redirect(SignInPath);
    }

    /// <summary>Only a path on this site is a place to go back to (never <c>//host</c> or a full URL).</summary>
    public static string LocalPath(string? value) =>
        !string.IsNullOrEmpty(value) && value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && !value.StartsWith("/\\", StringComparison.Ordinal)
            ? value
            : "/";
}
