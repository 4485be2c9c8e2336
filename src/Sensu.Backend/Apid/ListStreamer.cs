using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Apid;

/// <summary>
/// Writes a listing as one JSON array straight to the response body, flushing as it goes, so that a list of any
/// length costs one store chunk and one flush buffer. A failure once the array has begun aborts the connection
/// (the client sees a truncated answer, never half an array followed by an error body).
/// </summary>
public sealed partial class ListStreamer(ILogger<ListStreamer> logger)
{
    /// <summary>Bytes kept before a flush to the client.</summary>
    public const int FlushThreshold = 32 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>
    /// Writes the items (<paramref name="writeItem"/> writes one value, or nothing for an item the caller may not see)
    /// with status 200 and the listing's <c>Sensu-Continue</c> header.
    /// </summary>
    public async Task WriteAsync<T>(HttpContext context, ChunkedListing<T> listing, Func<T, Utf8JsonWriter, CancellationToken, ValueTask> writeItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(writeItem);
        var items = listing.ItemsAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (items)
        {
            // The first item is fetched before anything is written: a failure here is still an ordinary error answer.
            var hasItem = await items.MoveNextAsync();

            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json";
            if (listing.Continue is not null)
                response.Headers[ApiRequestContext.ContinueHeader] = listing.Continue;

            var body = response.BodyWriter;
            var writer = new Utf8JsonWriter(body, WriterOptions);
            await using (writer)
            {
                try
                {
                    writer.WriteStartArray();
                    long flushed = 0;
                    while (hasItem)
                    {
                        await writeItem(items.Current, writer, cancellationToken);
                        // The writer hands full segments to the pipe by itself (BytesCommitted), but only a flush sends them.
                        var written = writer.BytesCommitted + writer.BytesPending;
                        if (written - flushed >= FlushThreshold)
                        {
                            await writer.FlushAsync(cancellationToken);
                            await body.FlushAsync(cancellationToken);
                            flushed = written;
                        }
                        hasItem = await items.MoveNextAsync();
                    }
                    writer.WriteEndArray();
                    await writer.FlushAsync(cancellationToken);
                    await body.FlushAsync(cancellationToken);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    // The client went away; nothing more to send.
                }
                catch (Exception ex)
                {
                    LogAborted(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, ex);
                    writer.Reset(); // drops what is pending, so that disposing writes nothing more
                    context.Abort();
                }
            }
        }
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "list on {Method} {Path} failed after its answer had begun; the connection is aborted")]
    private static partial void LogAborted(ILogger logger, string method, string path, Exception exception);
}
