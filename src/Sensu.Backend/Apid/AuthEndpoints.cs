using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sensu.Backend.Resources;
using Sensu.Backend.Authentication;

namespace Sensu.Backend.Apid;

/// <summary><c>GET /auth</c>, <c>GET /auth/test</c>, <c>POST /auth/token</c>, <c>POST /auth/logout</c>.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/auth", LoginAsync);
        endpoints.MapGet("/auth/test", TestAsync);
        endpoints.MapPost("/auth/token", RefreshAsync);
        endpoints.MapPost("/auth/logout", LogoutAsync);
        return endpoints;
    }

    private static async Task<IResult> LoginAsync(HttpContext context, AuthService auth)
    {
        if (!BasicCredentials.TryParse(context.Request.Headers.Authorization, out var user, out var password))
            return Unauthorized();
        var outcome = await auth.LoginAsync(user, password, ClientAddress(context), context.RequestAborted);
        return outcome.Tokens is { } pair ? Results.Json(pair, AuthJsonContext.Default.TokenPairBody) : Refusal(context, outcome);
    }

    private static async Task<IResult> TestAsync(HttpContext context, AuthService auth)
    {
        if (!BasicCredentials.TryParse(context.Request.Headers.Authorization, out var user, out var password))
            return Unauthorized();
        var outcome = await auth.TestCredentialsAsync(user, password, ClientAddress(context), context.RequestAborted);
        return outcome.Status == LoginStatus.Succeeded ? Results.Ok() : Refusal(context, outcome);
    }

    private static async Task<IResult> RefreshAsync(HttpContext context, AuthService auth)
    {
        var (scheme, access) = AuthenticationMiddleware.ParseAuthorization(context.Request.Headers.Authorization.ToString());
        if (scheme != SensuPrincipal.BearerScheme)
            return Unauthorized();
        var body = await ReadBodyAsync(context);
        if (body.Error is { } error)
            return error;
        var pair = await auth.RefreshAsync(access, body.Value?.RefreshToken ?? string.Empty, context.RequestAborted);
        return pair is null ? Unauthorized() : Results.Json(pair, AuthJsonContext.Default.TokenPairBody);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, AuthService auth)
    {
        var (scheme, access) = AuthenticationMiddleware.ParseAuthorization(context.Request.Headers.Authorization.ToString());
        if (scheme != SensuPrincipal.BearerScheme)
            return Unauthorized();
        var body = await ReadBodyAsync(context);
        if (body.Error is { } error)
            return error;
        return await auth.LogoutAsync(access, body.Value?.RefreshToken, context.RequestAborted)
            ? Results.Ok()
            : Unauthorized();
    }

    /// <summary>Reads an optional <c>{"refresh_token"}</c> body; malformed JSON is a 400.</summary>
    private static async Task<(RefreshTokenBody? Value, IResult? Error)> ReadBodyAsync(HttpContext context)
    {
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length == 0)
                return (null, null);
            buffer.Position = 0;
            var value = await JsonSerializer.DeserializeAsync(buffer, AuthJsonContext.Default.RefreshTokenBody, context.RequestAborted);
            return (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiErrors.ToResult(ResourceException.Invalid($"invalid request body: {e.Message}")));
        }
    }

    /// <summary>401; or 429 (throttled) / 503 (password workers saturated) with <c>Retry-After</c> in whole seconds, in Sensu's error body.</summary>
    private static IResult Refusal(HttpContext context, LoginOutcome outcome)
    {
        if (outcome.Status is not (LoginStatus.Throttled or LoginStatus.Busy))
            return Unauthorized();
        var seconds = (long)Math.Max(1, Math.Ceiling((outcome.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return outcome.Status == LoginStatus.Throttled
            ? ApiErrors.ToResult(new ApiError(SensuErrorCode.Unauthenticated, $"too many failed logins; retry in {seconds} s", StatusCodes.Status429TooManyRequests))
            : ApiErrors.ToResult(new ApiError(SensuErrorCode.InternalErr, "the backend is busy checking passwords; retry shortly", StatusCodes.Status503ServiceUnavailable));
    }

    /// <summary>The peer address (throttling key); behind a proxy, the proxy's.</summary>
    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult Unauthorized() =>
        ApiErrors.ToResult(new ResourceException(SensuErrorCode.Unauthenticated, AuthenticationMiddleware.Unauthorized));
}
