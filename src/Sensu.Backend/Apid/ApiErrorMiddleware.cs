using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Apid;

/// <summary>
/// Turns every failure of an API request into Sensu's error body with the status of <see cref="ApiErrors"/>;
/// refuses bad request targets (<see cref="RequestTargetCheck"/>) and bodies over the request limit before reading them
/// (<see cref="OversizedBody"/>), and gives unmatched routes and methods a body (<see cref="UnmatchedRoute"/>).
/// </summary>
public sealed partial class ApiErrorMiddleware(RequestDelegate next, ILogger<ApiErrorMiddleware> logger, ApiLimits limits, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (RequestTargetCheck.Problem(context) is { } problem)
        {
            await ApiErrors.WriteAsync(context, ApiError.Invalid(problem));
            return;
        }
        if (context.Request.ContentLength is { } length && length > limits.RequestLimit)
        {
            await OversizedBody.AnswerAsync(context, TooLarge(length), limits.RequestLimit, time);
            return;
        }

        try
        {
            await next(context);
            if (!context.Response.HasStarted && UnmatchedRoute.ErrorFor(context) is { } unmatched)
                await ApiErrors.WriteAsync(context, unmatched);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            var error = ApiErrors.Translate(ex);
            if (error is null)
            {
                LogUnhandled(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, ex);
                error = new ApiError(SensuErrorCode.InternalErr, "internal error", StatusCodes.Status500InternalServerError);
            }
            else if (error.Code == SensuErrorCode.InternalErr)
            {
                LogInternal(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty,
                    error.Cause is Sensu.Store.StoreUnavailableException store ? store.Message : error.Message);
            }
            context.Response.Clear();
            await ApiErrors.WriteAsync(context, error);
        }
    }

    private ApiError TooLarge(long length) =>
        new(SensuErrorCode.InvalidArgument, $"request body of {length} bytes exceeds the limit of {limits.RequestLimit} bytes", StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "internal error on {Method} {Path}: {Reason}")]
    private static partial void LogInternal(ILogger logger, string method, string path, string reason);
}
