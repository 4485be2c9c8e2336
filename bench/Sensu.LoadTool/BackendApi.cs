using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Sensu.LoadTool;

/// <summary>The few REST calls a load run needs: log in, create the latency handler, read counters, count keepalive alerts.</summary>
public sealed class BackendApi(HttpClient http, LoadOptions options, TimeProvider time) : IDisposable
{
    private string? _token;
    private long _loggedInAt;

    public async Task LoginAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ApiUrl, "/auth"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(options.AdminUser + ":" + options.AdminPassword)));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        _loggedInAt = time.GetTimestamp();
        _token = body?["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException("no access_token in /auth answer");
    }

    /// <summary>A tcp handler pointing at the latency receiver, in the run's namespace.</summary>
    public async Task PutLatencyHandlerAsync(string name, int port, CancellationToken cancellationToken)
    {
        var handler = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = options.Namespace },
            ["type"] = "tcp",
            ["timeout"] = 10,
            ["socket"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = port },
        };
        var path = $"/api/core/v2/namespaces/{options.Namespace}/handlers/{name}";
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(options.ApiUrl, path)) { Content = JsonContent.Create(handler) };
        await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sum of every sample of a counter in the backend's Prometheus text (e.g. <c>sensu_eventd_events_processed</c>).</summary>
    public async Task<double> CounterAsync(string prefix, CancellationToken cancellationToken)
    {
        var text = await http.GetStringAsync(new Uri(options.ApiUrl, "/metrics"), cancellationToken).ConfigureAwait(false);
        double sum = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#' || !line.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var name = line.Split('{', ' ')[0];
            if (name != prefix && name != prefix + "_total")
                continue;
            var value = line[(line.LastIndexOf(' ') + 1)..];
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                sum += parsed;
        }
        return sum;
    }

    /// <summary>Posts one event to <c>POST /api/core/v2/namespaces/NS/events</c> (the API path of a check result).</summary>
    public async Task PostEventAsync(byte[] json, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.ApiUrl, $"/api/core/v2/namespaces/{options.Namespace}/events")) { Content = content };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A GET whose body the caller reads as it arrives (headers read, body not buffered).</summary>
    public async Task<HttpResponseMessage> GetStreamingAsync(string path, CancellationToken cancellationToken)
    {
        if (_token is null || time.GetElapsedTime(_loggedInAt) > TimeSpan.FromMinutes(2))
            await LoginAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.ApiUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return response;
    }

    /// <summary>Names of the run's agents whose keepalive event has a status other than 0 (missed keepalives).</summary>
    public async Task<IReadOnlySet<string>> KeepaliveAlertsAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri(options.ApiUrl, $"/api/core/v2/namespaces/{options.Namespace}/events"));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var events = await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken).ConfigureAwait(false) ?? [];
        var alerts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ev in events)
        {
            var entity = ev?["entity"]?["metadata"]?["name"]?.GetValue<string>() ?? "";
            var check = ev?["check"]?["metadata"]?["name"]?.GetValue<string>() ?? "";
            var status = ev?["check"]?["status"]?.GetValue<long>() ?? 0;
            if (check == "keepalive" && entity.StartsWith(options.AgentPrefix, StringComparison.Ordinal) && status != 0)
                alerts.Add(entity);
        }
        return alerts;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Access tokens live minutes; a long soak logs in again rather than failing at the end.
        if (_token is null || time.GetElapsedTime(_loggedInAt) > TimeSpan.FromMinutes(2))
            await LoginAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            response.Dispose();
            throw new HttpRequestException($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body}");
        }
        return response;
    }

    public void Dispose() => http.Dispose();
}
