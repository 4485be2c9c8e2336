using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Sensu.Testing.Processes;

namespace Sensu.IntegrationTests.Cluster;

/// <summary>
/// A small steady load of event POSTs (one writer per backend, each event its own check name on the proxy entity
/// <see cref="Entity"/>) that records every answer: the names acknowledged with 201, the refusals (status and body),
/// and the requests that got no HTTP answer at all, per backend.
/// </summary>
public sealed class EventLoad : IAsyncDisposable
{
    public const string Entity = "cluster-load";

    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _writers = [];
    private readonly List<HttpClient> _clients = [];
    private int _next;

    private EventLoad()
    {
    }

    /// <summary>Check names whose POST answered 201, with the backend index that answered.</summary>
    public ConcurrentQueue<(int Backend, string Name)> Acknowledged { get; } = new();

    /// <summary>How many POSTs backend <paramref name="backend"/> has acknowledged so far.</summary>
    public int AcknowledgedBy(int backend) => Acknowledged.Count(a => a.Backend == backend);

    /// <summary>Answers other than 201: backend index, status and body.</summary>
    public ConcurrentQueue<(int Backend, HttpStatusCode Status, string Body)> Refusals { get; } = new();

    /// <summary>Requests that got no answer (connection refused or reset, timeout): backend index and message.</summary>
    public ConcurrentQueue<(int Backend, string Error)> Failures { get; } = new();

    public static async Task<EventLoad> StartAsync(IReadOnlyList<BackendProcess> backends, CancellationToken cancellationToken)
    {
        var load = new EventLoad();
        for (var i = 0; i < backends.Count; i++)
        {
            var client = new HttpClient { BaseAddress = backends[i].ApiUrl, Timeout = TimeSpan.FromSeconds(20) };
            load._clients.Add(client);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, cancellationToken));
        }
        for (var i = 0; i < backends.Count; i++)
        {
            var index = i;
            load._writers.Add(Task.Run(() => load.WriteAsync(index, load._stop.Token), CancellationToken.None));
        }
        return load;
    }

    /// <summary>How many answers (any) the writers have had so far.</summary>
    public int Answered => Acknowledged.Count + Refusals.Count;

    /// <summary>Stops the writers and waits for the requests in flight.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_writers);
    }

    private async Task WriteAsync(int backend, CancellationToken stop)
    {
        var client = _clients[backend];
        while (!stop.IsCancellationRequested)
        {
            var name = "load-" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = new JsonObject
            {
                ["entity"] = new JsonObject
                {
                    ["entity_class"] = "proxy",
                    ["metadata"] = new JsonObject { ["name"] = Entity, ["namespace"] = "default" },
                },
                ["check"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
                    ["status"] = 0,
                    ["output"] = name,
                },
            }.ToJsonString();
            try
            {
                // Not cancelled by stop: a request in flight is answered, so its outcome is known.
                using var response = await client.PostAsync("/api/core/v2/namespaces/default/events",
                    new StringContent(body, Encoding.UTF8, "application/json"), CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Created)
                    Acknowledged.Enqueue((backend, name));
                else
                    Refusals.Enqueue((backend, response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None)));
            }
            catch (HttpRequestException e)
            {
                Failures.Enqueue((backend, e.Message));
            }
            catch (TaskCanceledException e)
            {
                Failures.Enqueue((backend, "timeout: " + e.Message));
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(40), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{BackendProcess.AdminUsername}:{BackendProcess.AdminPassword}")));
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["access_token"]!.GetValue<string>();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await StopAsync();
        _stop.Dispose();
        foreach (var client in _clients)
            client.Dispose();
    }
}
