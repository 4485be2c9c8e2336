using System.Net;
using System.Text;

namespace Sensu.Transport;

/// <summary>Keeps the status and body text of a refused upgrade, which <see cref="System.Net.WebSockets.ClientWebSocket"/> drops.</summary>
internal sealed class HandshakeResponseCapture : DelegatingHandler
{
    private const int MaxBodyChars = 1024;

    public HandshakeResponseCapture(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public int? RefusedStatus { get; private set; }

    public string? RefusedBody { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            RefusedStatus = (int)response.StatusCode;
            try
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                RefusedBody = body.Length > MaxBodyChars ? body[..MaxBodyChars] : body;
            }
            catch (HttpRequestException)
            {
                RefusedBody = null;
            }
            // Hand the same body back for anyone else reading it.
            response.Content = new StringContent(RefusedBody ?? string.Empty, Encoding.UTF8);
        }
        return response;
    }
}
