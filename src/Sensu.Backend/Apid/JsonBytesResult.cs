using Microsoft.AspNetCore.Http;

namespace Sensu.Backend.Apid;

/// <summary>An already-serialised JSON answer with a status code.</summary>
public sealed class JsonBytesResult(byte[] body, int statusCode) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = "application/json";
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
