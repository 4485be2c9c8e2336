using System.Text;
using System.Text.Json.Nodes;
using Sensu.Backend.Apid;

namespace Sensu.Backend.Tests.Apid;

public sealed class BareErrorResponseTests
{
    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    [Fact]
    public void Kestrels_bodiless_400_gets_Sensus_error_body_with_a_matching_length()
    {
        var rewritten = BareErrorResponse.Rewrite(Ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Mon, 07 Dec 2026 20:00:00 GMT\r\n\r\n"));
        Assert.NotNull(rewritten);
        var text = Encoding.UTF8.GetString(rewritten);
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = text[..split];
        var body = text[(split + 4)..];
        Assert.StartsWith("HTTP/1.1 400 Bad Request\r\n", head, StringComparison.Ordinal);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", head, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", head, StringComparison.Ordinal);
        Assert.Contains("Connection: close", head, StringComparison.Ordinal);
        Assert.Equal(1, JsonNode.Parse(body)!["code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nDate: Mon, 07 Dec 2026 20:00:00 GMT\r\n\r\n")] // keeps the connection: the application's
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n")]
    [InlineData("HTTP/1.1 404 Not Found\r\nContent-Length: 44\r\nConnection: close\r\nContent-Type: application/json\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\nDate: Mon, 07 Dec 2026 20:00:00 GMT\r\n\r\n")]
    [InlineData("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\nDate: Mon, 07 Dec 2026\r\n\r\n")]
    [InlineData("{\"output\":\"HTTP/1.1 400 Bad Request\\r\\nContent-Length: 0\\r\\nConnection: close\\r\\n\\r\\n\"}")]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\nDate: Mon, 07 Dec 2026 20:00:00 GMT\r\n\r\n{}")]
    public void Anything_else_passes_untouched(string written) => Assert.Null(BareErrorResponse.Rewrite(Ascii(written)));
}
