using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sensu.Transport;

/// <summary>Opens an agent's WebSocket to a backend with Sensu's handshake headers (core-spec §6.2).</summary>
public static class AgentConnector
{
    /// <summary>
    /// Connects to <paramref name="backendUrl"/> (ws:// or wss://). Throws <see cref="TransportHandshakeException"/>
    /// when the backend refuses the upgrade (with its status and text) or the handshake fails or times out.
    /// </summary>
    public static async Task<ITransportConnection> ConnectAsync(Uri backendUrl, AgentConnectOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backendUrl);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.AgentName))
        {
            throw new ArgumentException("the agent name is required", nameof(options));
        }

        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = options.HandshakeTimeout,
            SslOptions = BuildSslOptions(options),
        };
        var capture = new HandshakeResponseCapture(sockets);
        var invoker = new HttpMessageInvoker(capture, disposeHandler: true);
        var client = new ClientWebSocket();
        try
        {
            ConfigureHeaders(client.Options, options);
            client.Options.KeepAliveInterval = options.HeartbeatInterval;
            client.Options.KeepAliveTimeout = options.EffectiveHeartbeatTimeout;
            client.Options.CollectHttpResponseDetails = true;

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.HandshakeTimeout);
            try
            {
                await client.ConnectAsync(backendUrl, invoker, timeout.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TransportHandshakeException(
                    "handshake with " + backendUrl + " timed out after " + options.HandshakeTimeout.TotalSeconds + " s", null, ex);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
            {
                var status = capture.RefusedStatus ?? (client.HttpStatusCode == 0 ? null : (int)client.HttpStatusCode);
                var text = string.IsNullOrWhiteSpace(capture.RefusedBody)
                    ? "connection to " + backendUrl + " failed: " + ex.Message
                    : capture.RefusedBody.Trim();
                throw new TransportHandshakeException(text, status, ex);
            }
            return new WebSocketTransport(client, options.MaxMessageSize, invoker);
        }
        catch
        {
            client.Dispose();
            invoker.Dispose();
            throw;
        }
    }

    private static void ConfigureHeaders(ClientWebSocketOptions ws, AgentConnectOptions options)
    {
        ws.SetRequestHeader(HandshakeHeaders.AgentName, options.AgentName);
        ws.SetRequestHeader(HandshakeHeaders.Namespace, options.Namespace);
        ws.SetRequestHeader(HandshakeHeaders.Subscriptions, string.Join(',', options.Subscriptions));
        ws.SetRequestHeader("Accept", "application/octet-stream");
        if (options.ClientCertificate is null && options.User is not null)
        {
            ws.SetRequestHeader(HandshakeHeaders.User, options.User);
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.User + ":" + (options.Password ?? string.Empty)));
            ws.SetRequestHeader("Authorization", "Basic " + basic);
        }
    }

    private static SslClientAuthenticationOptions BuildSslOptions(AgentConnectOptions options)
    {
        var ssl = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                ServerCertificateValidation.Validate(certificate, chain, errors, options),
        };
        if (options.ClientCertificate is not null)
        {
            ssl.ClientCertificates = new X509CertificateCollection { options.ClientCertificate };
            ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => options.ClientCertificate;
        }
        return ssl;
    }
}
