using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Sensu.Backend.Apid;

/// <summary>
/// Answers a body over the API request limit with 413 and Sensu's error body, then reads and discards the rest of the
/// body (up to <see cref="DrainFactor"/> times the limit and at most <see cref="DrainTime"/>) before the connection
/// closes. A client that writes its whole body before reading (Python's http.client) then finds the 413 waiting
/// instead of a reset connection and a broken pipe.
/// </summary>
public static class OversizedBody
{
    public const int DrainFactor = 8;

    public static readonly TimeSpan DrainTime = TimeSpan.FromSeconds(10);

    public static async Task AnswerAsync(HttpContext context, ApiError error, long requestLimit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        var bound = requestLimit * DrainFactor;
        var declared = context.Request.ContentLength;
        var drainable = declared is { } length && length <= bound;
        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (drainable && sizeFeature is { IsReadOnly: false })
            sizeFeature.MaxRequestBodySize = bound; // Kestrel would refuse to hand over the bytes we mean to discard.
        else
            drainable = false;

        var body = ApiErrors.Body(error);
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        context.Response.Headers[HeaderNames.Connection] = "close";
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        if (!drainable)
            return;

        using var deadline = new CancellationTokenSource(DrainTime, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, context.RequestAborted);
        var buffer = new byte[16 * 1024];
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, linked.Token) > 0)
            {
                // discarded
            }
        }
        catch (OperationCanceledException)
        {
            // Out of time or the client left: the connection closes with what was drained.
        }
        catch (BadHttpRequestException)
        {
            // The client sent more than it declared or stopped mid-body: nothing more to do.
        }
        catch (IOException)
        {
            // The connection broke while draining.
        }
    }
}
