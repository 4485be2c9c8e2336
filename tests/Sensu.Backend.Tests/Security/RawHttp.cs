using System.Net.Sockets;
using System.Text;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// HTTP/1.1 over a bare socket, for what HttpClient would change (dot segments) or hide (a body written whole before
/// the answer is read). Sends <c>Connection: close</c> and reads until the server closes.
/// </summary>
public static class RawHttp
{
    public sealed record Answer(int Status, string Head, string Body)
    {
        public string? Header(string name) => Head.Split("\r\n")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim())
            .FirstOrDefault();
    }

    public static async Task<Answer> SendAsync(Uri server, string method, string target, string? bearer, byte[]? body, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(server.Authority).Append("\r\n")
            .Append("Connection: close\r\n");
        if (bearer is not null)
            head.Append("Authorization: Bearer ").Append(bearer).Append("\r\n");
        if (body is not null)
            head.Append("Content-Type: application/json\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        head.Append("\r\n");
        // Written whole before anything is read, as Python's http.client does.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        if (body is not null)
            await stream.WriteAsync(body, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return await ReadAnswerAsync(stream, cancellationToken);
    }

    /// <summary>Sends bytes as they are (a malformed request line, say) and reads the answer.</summary>
    public static async Task<Answer> SendRawAsync(Uri server, byte[] request, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(request, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        return await ReadAnswerAsync(stream, cancellationToken);
    }

    private static async Task<Answer> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        await stream.CopyToAsync(received, cancellationToken);
        var text = Encoding.UTF8.GetString(received.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no complete HTTP answer: \"{text}\"");
        var headText = text[..split];
        var status = int.Parse(headText.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var answer = new Answer(status, headText, text[(split + 4)..]);
        return answer.Header("Transfer-Encoding") == "chunked" ? answer with { Body = Dechunk(answer.Body) } : answer;
    }

    private static string Dechunk(string body)
    {
        var result = new StringBuilder();
        var at = 0;
        while (true)
        {
            var line = body.IndexOf("\r\n", at, StringComparison.Ordinal);
            var size = Convert.ToInt32(body[at..line], 16);
            if (size == 0)
                return result.ToString();
            result.Append(body, line + 2, size);
            at = line + 2 + size + 2;
        }
    }
}
