using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Sensu.LoadTool;

/// <summary>
/// Latency of a cheap authenticated call (<see cref="LoginFloodOptions.ProbePath"/>, bearer token) while
/// <see cref="LoginFloodOptions.Clients"/> clients flood <c>/auth</c> with wrong passwords, against the same call with
/// no flood, measured in alternating phases of one run; prints p50/p95/p99 of both and their ratio (goal ≤ 2×).
/// </summary>
public sealed class LoginFloodRun(LoginFloodOptions options)
{
    private readonly Dictionary<int, long> _floodAnswers = [];
    private long _addressCursor;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var probe = new HttpClient { BaseAddress = options.ApiUrl };
        var token = await LoginAsync(probe, cancellationToken).ConfigureAwait(false);
        probe.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await ProbeForAsync(probe, TimeSpan.FromSeconds(2), [], cancellationToken).ConfigureAwait(false); // warm-up

        var idle = new List<double>();
        var flood = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            await ProbeForAsync(probe, TimeSpan.FromSeconds(options.PhaseSeconds), idle, cancellationToken).ConfigureAwait(false);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var clients = Enumerable.Range(0, options.Clients).Select(i => Task.Run(() => FloodAsync(i, stop.Token), CancellationToken.None)).ToList();
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false); // let the flood build up
            await ProbeForAsync(probe, TimeSpan.FromSeconds(options.PhaseSeconds), flood, cancellationToken).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(clients).ConfigureAwait(false);
        }

        Print("idle", idle);
        Print("flood", flood);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio flood/idle: p50 {Percentile(flood, 50) / Percentile(idle, 50):F2}x  p95 {Percentile(flood, 95) / Percentile(idle, 95):F2}x  mean {flood.Average() / idle.Average():F2}x"));
        lock (_floodAnswers)
            Console.WriteLine("flood answers: " + string.Join(", ", _floodAnswers.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        return 0;
    }

    private async Task<string> LoginAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = Basic(options.AdminUser, options.AdminPassword);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        return body?["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException("no access_token in /auth answer");
    }

    private async Task ProbeForAsync(HttpClient http, TimeSpan duration, List<double> samples, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < end)
        {
            var started = Stopwatch.GetTimestamp();
            using (var response = await http.GetAsync(new Uri(options.ProbePath, UriKind.Relative), cancellationToken).ConfigureAwait(false))
            {
                await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"probe answered {(int)response.StatusCode}");
            }
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await Task.Delay(options.ProbePauseMs, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One flooding client: wrong passwords for a new user name each time, from the next source address.</summary>
    private async Task FloodAsync(int client, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { ConnectCallback = ConnectFromNextAddressAsync, PooledConnectionLifetime = TimeSpan.Zero };
        using var http = new HttpClient(handler) { BaseAddress = options.ApiUrl, Timeout = TimeSpan.FromSeconds(60) };
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
                request.Headers.ConnectionClose = true;
                request.Headers.Authorization = Basic($"guess-{client}-{attempt++}", "wrong-password");
                using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                lock (_floodAnswers)
                    _floodAnswers[(int)response.StatusCode] = _floodAnswers.GetValueOrDefault((int)response.StatusCode) + 1;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException)
            {
                lock (_floodAnswers)
                    _floodAnswers[-1] = _floodAnswers.GetValueOrDefault(-1) + 1;
            }
        }
    }

    private async ValueTask<Stream> ConnectFromNextAddressAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (options.Addresses > 1)
            {
                var n = Interlocked.Increment(ref _addressCursor) % options.Addresses;
                socket.Bind(new IPEndPoint(new IPAddress([127, 0, (byte)(1 + n / 250), (byte)(2 + n % 250)]), 0));
            }
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    private static double Percentile(List<double> samples, int percentile)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void Print(string name, List<double> samples) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-5}: {samples.Count} probes  p50 {Percentile(samples, 50):F2} ms  p95 {Percentile(samples, 95):F2} ms  p99 {Percentile(samples, 99):F2} ms  mean {samples.Average():F2} ms"));
}
