using Microsoft.AspNetCore.Http;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Apid;

/// <summary>
/// The error for a request no route answered: 404 <c>{"code":2}</c> when no route matched, 405 when the path matched a
/// route but not its method (routing's own 405 endpoint, which sets <c>Allow</c> and writes no body).
/// </summary>
public static class UnmatchedRoute
{
    public static ApiError? ErrorFor(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        if (response.ContentLength is > 0)
            return null;
        if (response.StatusCode == StatusCodes.Status404NotFound && context.GetEndpoint() is null)
            return ApiError.NotFound($"no route for {context.Request.Method} {context.Request.Path}");
        if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
            return new ApiError(SensuErrorCode.InvalidArgument, $"method {context.Request.Method} is not allowed on {context.Request.Path}", StatusCodes.Status405MethodNotAllowed);
        return null;
    }
}
