using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;
using Sensu.Backend.Authentication;

namespace Sensu.Backend.Apid;

/// <summary>
/// Requires <c>Authorization: Bearer &lt;access token&gt;</c> or <c>Authorization: Key &lt;api key&gt;</c> on
/// <c>/api/…</c> and <c>/graphql</c>; sets <see cref="HttpContext.User"/>. Other paths (<c>/auth*</c>,
/// <c>/health</c>, <c>/version</c>, <c>/metrics</c>, the dashboard) pass untouched. A signed token is not enough:
/// its session must be live (<see cref="AuthSessions.FindLiveAsync"/>: not logged out or revoked, its user exists, is
/// enabled and has the same password), and an API key's user must exist and be enabled; both are answered from
/// <see cref="AuthStateView"/>, in memory.
/// </summary>
public sealed class AuthenticationMiddleware(RequestDelegate next, JwtTokenService tokens, AuthSessions sessions, UserDirectory users, ILogger<AuthenticationMiddleware> logger)
{
    internal const string Unauthorized = "Request unauthorized";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsProtected(context.Request.Path))
        {
            await next(context);
            return;
        }

        var (scheme, credential) = ParseAuthorization(context.Request.Headers.Authorization.ToString());
        var ct = context.RequestAborted;
        if (scheme == SensuPrincipal.BearerScheme)
        {
            var claims = await tokens.ValidateAsync(credential, TokenUse.Access, ct);
            if (claims is null || claims.Expired)
            {
                Log.BearerRejected(logger, context.Request.Path, claims is null ? "invalid" : "expired");
                await FailAsync(context, claims is null ? Unauthorized : "access token is expired");
                return;
            }
            if (!await sessions.IsLiveAsync(claims.SessionId, claims.Subject, ct))
            {
                Log.BearerRejected(logger, context.Request.Path, "session ended");
                await FailAsync(context, Unauthorized);
                return;
            }
            context.User = SensuPrincipal.Create(claims.Subject, claims.Groups, SensuPrincipal.BearerScheme);
        }
        else if (scheme == SensuPrincipal.ApiKeyScheme)
        {
            var user = await users.FindByApiKeyAsync(credential, ct);
            if (user is null)
            {
                Log.ApiKeyRejected(logger, context.Request.Path);
                await FailAsync(context, Unauthorized);
                return;
            }
            context.User = SensuPrincipal.Create(user.Username ?? string.Empty, SensuGroups.ForToken(user.Groups), SensuPrincipal.ApiKeyScheme);
        }
        else
        {
            await FailAsync(context, Unauthorized);
            return;
        }

        await next(context);
    }

    /// <summary>Paths that need a caller: the REST API and GraphQL.</summary>
    public static bool IsProtected(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/graphql", StringComparison.Ordinal);

    /// <summary>Splits <c>Scheme credential</c>; the scheme is normalised to <c>Bearer</c> or <c>Key</c>, else empty.</summary>
    internal static (string Scheme, string Credential) ParseAuthorization(string header)
    {
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            return (string.Empty, string.Empty);
        var scheme = header[..space];
        var credential = header[(space + 1)..].Trim();
        if (credential.Length == 0)
            return (string.Empty, string.Empty);
        if (scheme.Equals(SensuPrincipal.BearerScheme, StringComparison.OrdinalIgnoreCase))
            return (SensuPrincipal.BearerScheme, credential);
        if (scheme.Equals(SensuPrincipal.ApiKeyScheme, StringComparison.OrdinalIgnoreCase))
            return (SensuPrincipal.ApiKeyScheme, credential);
        return (string.Empty, string.Empty);
    }

    internal static Task FailAsync(HttpContext context, string message) =>
        ApiErrors.WriteAsync(context, new ResourceException(SensuErrorCode.Unauthenticated, message));
}
