using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sensu.Backend.Resources;
using Sensu.Core.Validation;
using Sensu.Core.Wrapped;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary>The one table from failures to HTTP status and Sensu's <c>{"message","code"}</c> body.</summary>
public static class ApiErrors
{
    public static int StatusOf(SensuErrorCode code) => code switch
    {
        SensuErrorCode.InvalidArgument => StatusCodes.Status400BadRequest,
        SensuErrorCode.NotFound => StatusCodes.Status404NotFound,
        SensuErrorCode.AlreadyExists => StatusCodes.Status409Conflict,
        SensuErrorCode.PermissionDenied => StatusCodes.Status403Forbidden,
        SensuErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        SensuErrorCode.PaymentRequired => StatusCodes.Status402PaymentRequired,
        SensuErrorCode.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        SensuErrorCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Maps an exception to an API error; null when it is not one we know (a bug: 500, logged).</summary>
    public static ApiError? Translate(Exception exception) => exception switch
    {
        ResourceException domain => ApiError.Of(domain),
        ResourceValidationException v => ApiError.Invalid(v.Message),
        WrappedFormatException w => ApiError.Invalid(w.Message),
        JsonException j => ApiError.Invalid(JsonMessage(j)),
        NamespaceNotFoundException n => ApiError.NotFound(n.Message),
        AlreadyExistsException a => ApiError.Of(ResourceException.Exists(a.Message)),
        ResourceNotFoundException r => ApiError.NotFound(r.Message),
        InvalidContinueTokenException c => ApiError.Invalid(c.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } b =>
            new ApiError(SensuErrorCode.InvalidArgument, "request body too large", StatusCodes.Status413PayloadTooLarge, b),
        BadHttpRequestException b => ApiError.Invalid(b.Message),
        // 503 with the condition only: the store's own message names the database file, which clients must not see.
        StoreUnavailableException s => new ApiError(SensuErrorCode.InternalErr, StoreConditions.Describe(s.Condition), StatusCodes.Status503ServiceUnavailable, s),
        _ => null,
    };

    public static IResult ToResult(ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JsonBytesResult(Body(error), error.Status);
    }

    public static IResult ToResult(ResourceException error) => ToResult(ApiError.Of(error));

    public static Task WriteAsync(HttpContext context, ResourceException error) => WriteAsync(context, ApiError.Of(error));

    public static async Task WriteAsync(HttpContext context, ApiError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        var body = Body(error);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    /// <summary>The error body, without escaping quotes and angle brackets into <c>\u0022</c> forms.</summary>
    public static byte[] Body(ApiError error) =>
        JsonSerializer.SerializeToUtf8Bytes(new ErrorBody(error.Message, (int)error.Code), ApidJsonContext.Relaxed.ErrorBody);

    private static string JsonMessage(JsonException j)
    {
        var path = string.IsNullOrEmpty(j.Path) || j.Path == "$" ? string.Empty : $" at {j.Path.TrimStart('$', '.')}";
        var line = j.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
        return $"invalid JSON{path}{line}: {FirstSentence(j.Message)}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
