namespace Sensu.Transport;

/// <summary>
/// The backend refused the WebSocket upgrade (401, 403, 404, 429, ...) or the handshake did not complete.
/// <see cref="Exception.Message"/> is the backend's answer text when it gave one.
/// </summary>
public sealed class TransportHandshakeException : Exception
{
    public TransportHandshakeException(string message, int? statusCode, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>HTTP status of the refusal; null when no HTTP answer came (network, TLS, timeout).</summary>
    public int? StatusCode { get; }

    /// <summary>True for 429: the caller should double its backoff.</summary>
    public bool TooManyRequests => StatusCode == 429;
}
