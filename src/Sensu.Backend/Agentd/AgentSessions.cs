using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Transport;

namespace Sensu.Backend.Agentd;

/// <summary>
/// The connected agents, one session per (namespace, agent name): a new connection replaces the old one.
/// Delivers check requests (<see cref="ICheckRequestPublisher"/>) and answers who is connected (<see cref="IAgentPresence"/>).
/// </summary>
public sealed class AgentSessions(AgentdMetrics metrics, ILogger<AgentSessions> logger) : ICheckRequestPublisher, IAgentPresence
{
    private readonly ConcurrentDictionary<(string Namespace, string Agent), AgentSession> sessions = new();

    public int Count => sessions.Count;

    /// <summary>Adds a session; the one it replaces (same agent, same namespace) is closed.</summary>
    public void Add(AgentSession session)
    {
        var key = (session.Namespace, session.AgentName);
        AgentSession? previous = null;
        sessions.AddOrUpdate(key, session, (_, old) =>
        {
            previous = old;
            return session;
        });
        metrics.SessionOpened();
        previous?.Close("replaced by a new connection of the same agent");
    }

    /// <summary>Removes a session unless a newer one of the same agent already took its place.</summary>
    public void Remove(AgentSession session)
    {
        sessions.TryRemove(new KeyValuePair<(string, string), AgentSession>((session.Namespace, session.AgentName), session));
        metrics.SessionClosed();
    }

    public AgentSession? Find(string @namespace, string agent) => sessions.GetValueOrDefault((@namespace, agent));

    /// <summary>The open sessions (a snapshot).</summary>
    public IReadOnlyList<AgentSession> All() => [.. sessions.Values];

    public ValueTask<int> PublishAsync(string @namespace, string topic, CheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        TransportMessage? full = null;
        TransportMessage? withoutSecrets = null;
        var stripped = false;
        var queued = 0;
        foreach (var (key, session) in sessions)
        {
            if (key.Namespace != @namespace || !session.IsSubscribed(topic))
                continue;
            TransportMessage message;
            if (session.Identity.CertificateAuthenticated || request.Secrets is not { Count: > 0 })
            {
                message = full ??= Encode(request);
            }
            else
            {
                message = withoutSecrets ??= Encode(WithoutSecrets(request));
                stripped = true;
            }
            if (session.TryEnqueue(message))
                queued++;
        }
        if (stripped)
            Log.SecretsNotTransmitted(logger);
        return ValueTask.FromResult(queued);
    }

    public IReadOnlyList<string> Subscribers(string @namespace, string subscription)
    {
        var names = new List<string>();
        foreach (var (key, session) in sessions)
        {
            if (key.Namespace == @namespace && session.IsSubscribed(subscription))
                names.Add(key.Agent);
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static TransportMessage Encode(CheckRequest request) =>
        new(MessageTypes.CheckRequest, JsonSerializer.SerializeToUtf8Bytes(request, SensuJsonContext.Default.CheckRequest));

    private static CheckRequest WithoutSecrets(CheckRequest request) => new()
    {
        Config = request.Config,
        Assets = request.Assets,
        Hooks = request.Hooks,
        Issued = request.Issued,
        HookAssets = request.HookAssets,
        Secrets = null,
    };
}
