using Microsoft.AspNetCore.Http;
using Sensu.Backend.Dashboard.Auth;

namespace Sensu.Backend.Dashboard;

/// <summary>
/// Sets the caller from the dashboard cookie while its session is live; everything but the sign-in page, its post
/// and the framework's static files needs a caller: pages redirect to sign-in, anything else (the circuit's hub) is 401.
/// </summary>
public sealed class DashboardSignInGate(RequestDelegate next, DashboardAuth auth)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var principal = await auth.AuthenticateAsync(context.Request.Cookies[DashboardAuth.CookieName], context.RequestAborted);
        if (principal is not null)
        {
            context.User = principal;
            await next(context);
            return;
        }
        var path = context.Request.Path;
        if (path.StartsWithSegments(DashboardEndpoints.SignInPath, StringComparison.Ordinal)
            || path.StartsWithSegments(DashboardEndpoints.SignOutPath, StringComparison.Ordinal)
            || path.StartsWithSegments("/_framework", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method) && !path.StartsWithSegments("/_blazor", StringComparison.Ordinal))
        {
            var back = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{DashboardEndpoints.SignInPath}?return={Uri.EscapeDataString(back)}");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
