using System.Text;

namespace Sensu.Backend.Apid;

/// <summary>
/// Recognises the error responses Kestrel writes itself, before any middleware runs (a request line it cannot parse, a
/// path that decodes to NUL, headers too large...): a 4xx or 505 status, <c>Content-Length: 0</c>, <c>Connection:
/// close</c> and no <c>Content-Type</c>. No hook lets the application give them a body, so the API's connection filter
/// rewrites the header block into the same response with Sensu's error body. The application's own errors always carry
/// a body and never match.
/// </summary>
public static class BareErrorResponse
{
    private static ReadOnlySpan<byte> Http11 => "HTTP/1.1 "u8;
    private static ReadOnlySpan<byte> EmptyLength => "\r\nContent-Length: 0\r\n"u8;
    private static ReadOnlySpan<byte> Close => "\r\nConnection: close\r\n"u8;
    private static ReadOnlySpan<byte> ContentType => "\r\nContent-Type:"u8;
    private static ReadOnlySpan<byte> End => "\r\n\r\n"u8;

    /// <summary>The shortest header block that can match, so longer writes (bodies) are skipped at a glance.</summary>
    public const int MinimumLength = 48;

    /// <summary>The header block to write instead of <paramref name="written"/>, or null when it is not a bare error.</summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> written)
    {
        if (written.Length < MinimumLength || written.Length > 1024 || !written.StartsWith(Http11) || !written.EndsWith(End))
            return null;
        var status = written.Slice(Http11.Length, 3);
        if (!IsBareErrorStatus(status, out var code))
            return null;
        var head = written[..^2]; // ends with a single CRLF
        if (head.IndexOf(EmptyLength) < 0 || head.IndexOf(Close) < 0 || head.IndexOf(ContentType) >= 0)
            return null;

        var body = Encoding.UTF8.GetBytes($$"""{"message":"{{Message(code)}}","code":1}""");
        var text = Encoding.ASCII.GetString(head);
        text = text.Replace("\r\nContent-Length: 0\r\n", $"\r\nContent-Length: {body.Length}\r\nContent-Type: application/json\r\n", StringComparison.Ordinal);
        var headBytes = Encoding.ASCII.GetBytes(text + "\r\n");
        return [.. headBytes, .. body];
    }

    private static bool IsBareErrorStatus(ReadOnlySpan<byte> status, out int code)
    {
        code = 0;
        foreach (var digit in status)
        {
            if (digit is < (byte)'0' or > (byte)'9')
                return false;
            code = code * 10 + (digit - '0');
        }
        return code is >= 400 and < 500 or 505;
    }

    private static string Message(int code) => code switch
    {
        400 => "bad request: the request line or a header is malformed (for example a NUL byte or an invalid escape in the path)",
        405 => "method not allowed",
        408 => "request timeout: the request was not received in time",
        411 => "length required: the request body needs a Content-Length or chunked encoding",
        413 => "request entity too large",
        414 => "request URI too long",
        431 => "request header fields too large",
        505 => "HTTP version not supported",
        _ => "bad request",
    };
}
