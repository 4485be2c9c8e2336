using Microsoft.AspNetCore.Builder;
using Sensu.Backend.Apid;
using Sensu.Backend.Authorization;

namespace Sensu.Backend.Hosting;

/// <summary>Middleware order: <c>UseSensuAuthentication()</c>, then <c>UseSensuAuthorization()</c>, then the endpoints.</summary>
public static class AuthApplicationBuilderExtensions
{
    public static IApplicationBuilder UseSensuAuthentication(this IApplicationBuilder app) =>
        app.UseMiddleware<AuthenticationMiddleware>();

    public static IApplicationBuilder UseSensuAuthorization(this IApplicationBuilder app) =>
        app.UseMiddleware<AuthorizationMiddleware>();
}
