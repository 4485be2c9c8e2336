using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Configuration;
using Sensu.Agent.Connection;
using Sensu.Agent.Entity;
using Sensu.Core.Validation;

namespace Sensu.Agent.Sockets;

/// <summary>
/// The TCP and UDP check-result socket (core-spec §6.6): TCP answers <c>ping</c> with <c>pong</c>, a valid result with
/// <c>ok</c> and anything else with <c>invalid</c>; each connection has a 5 s read deadline. UDP takes one result per datagram.
/// </summary>
internal sealed class SocketServer(
    AgentOptions options,
    AgentEventFactory events,
    EventQueue queue,
    TimeProvider time,
    ILogger<SocketServer> logger) : BackgroundService
{
    public static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(5);
    private const int MaxPayload = 1024 * 1024;

    private readonly TaskCompletionSource<int> _bound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The bound port (same for TCP and UDP) once listening.</summary>
    public Task<int> Port => _bound.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var address = IPAddress.TryParse(options.SocketHost.Trim('[', ']'), out var ip) ? ip : IPAddress.Loopback;
        var tcp = new TcpListener(address, options.SocketPort);
        tcp.Start();
        var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
        using var udp = new UdpClient(new IPEndPoint(address, port));
        _bound.TrySetResult(port);
        Log.Listening(logger, $"{address}:{port}");
        var connections = new List<Task>();
        var udpLoop = UdpLoopAsync(udp, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await tcp.AcceptTcpClientAsync(stoppingToken);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(HandleTcpAsync(client, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: stop accepting, then wait for the open connections below.
        }
        finally
        {
            tcp.Stop();
            udp.Close();
            await Task.WhenAll([.. connections, udpLoop]);
        }
    }

    private async Task UdpLoopAsync(UdpClient udp, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await udp.ReceiveAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            Accept(datagram.Buffer);
        }
    }

    private async Task HandleTcpAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        {
            using var timer = new CancellationTokenSource(ReadDeadline, time);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
            var stream = client.GetStream();
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            try
            {
                while (buffer.Length <= MaxPayload)
                {
                    var read = await stream.ReadAsync(chunk, deadline.Token);
                    if (read == 0)
                        break;
                    buffer.Write(chunk, 0, read);
                    var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).Trim();
                    if (text == "ping")
                    {
                        await stream.WriteAsync("pong"u8.ToArray(), cancellationToken);
                        return;
                    }
                    if (LooksComplete(text))
                        break;
                }
                var reply = Accept(buffer.ToArray()) ? "ok"u8.ToArray() : "invalid"u8.ToArray();
                await stream.WriteAsync(reply, cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                Log.ConnectionEnded(logger, ex.Message);
            }
        }
    }

    /// <summary>True when the text already parses as a JSON object, so we need not wait for the peer to close.</summary>
    private static bool LooksComplete(string text)
    {
        if (!text.StartsWith('{') || !text.EndsWith('}'))
            return false;
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(text) is System.Text.Json.Nodes.JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private bool Accept(byte[] payload)
    {
        try
        {
            var ev = events.Complete(LegacyCheckResult.ToEvent(payload));
            ev.Validate();
            queue.Publish(ev);
            return true;
        }
        catch (Exception ex) when (ex is FormatException or ResourceValidationException)
        {
            Log.Invalid(logger, ex.Message);
            return false;
        }
    }
}
