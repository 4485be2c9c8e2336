using System.Text.Json;
using Sensu.Backend.Cluster;
using Sensu.Store;

namespace Sensu.Backend.Agentd;

/// <summary>
/// Which agents are connected anywhere in the cluster (<see cref="IAgentPresence"/> for round robin and the
/// audience of proxy and secrets-failure events): this backend's sessions, live, plus the agents the other live
/// backends published in their <see cref="PresenceRecord"/>s at their last heartbeat. This backend's own record is
/// written at each heartbeat when its agents changed, and only while other backends are alive to read it.
/// </summary>
public sealed class ClusterPresence(AgentSessions sessions, IResourceReader reader, IResourceWriter writer, BackendIdentity identity) : IAgentPresence, IClusterParticipant
{
    private const string RecordType = "Presence";

    private volatile IReadOnlyDictionary<(string Namespace, string Topic), string[]> _remote =
        new Dictionary<(string, string), string[]>();
    private string? _written;

    public IReadOnlyList<string> Subscribers(string @namespace, string subscription)
    {
        var local = sessions.Subscribers(@namespace, subscription);
        if (!_remote.TryGetValue((@namespace, subscription), out var remote))
            return local;
        var all = new SortedSet<string>(local, StringComparer.Ordinal);
        all.UnionWith(remote);
        return [.. all];
    }

    /// <summary>Publishes this backend's agents (when clustered) and reloads the other live backends'.</summary>
    public async Task HeartbeatAsync(IReadOnlySet<string> liveOthers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(liveOthers);
        if (liveOthers.Count == 0)
        {
            _remote = new Dictionary<(string, string), string[]>();
            return;
        }
        var agents = sessions.All()
            .Select(s => new PresenceAgent(s.Namespace, s.AgentName, [.. s.CurrentTopics.Order(StringComparer.Ordinal)]))
            .OrderBy(a => a.Namespace, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)
            .ToList();
        var json = JsonSerializer.Serialize(new PresenceRecord(identity.Id, agents), ClusterJson.Presence);
        if (json != _written)
        {
            await writer.PutAsync(new ResourceWrite(ResourceKey.Cluster(ClusterKinds.Presence, identity.Id), RecordType, json), cancellationToken);
            _written = json;
        }
        var remote = new Dictionary<(string, string), SortedSet<string>>();
        var page = await reader.ListAsync(ClusterKinds.Presence, null, PageRequest.All, cancellationToken);
        foreach (var stored in page.Items)
        {
            if (!liveOthers.Contains(stored.Key.Name) || JsonSerializer.Deserialize(stored.Json, ClusterJson.Presence) is not { } record)
                continue;
            foreach (var agent in record.Agents)
            {
                foreach (var topic in agent.Topics)
                {
                    if (!remote.TryGetValue((agent.Namespace, topic), out var names))
                        remote[(agent.Namespace, topic)] = names = new SortedSet<string>(StringComparer.Ordinal);
                    names.Add(agent.Name);
                }
            }
        }
        _remote = remote.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>Removes this backend's record (on a clean stop: its agents are gone with it).</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await writer.DeleteAsync(ResourceKey.Cluster(ClusterKinds.Presence, identity.Id), cancellationToken);
        _written = null;
    }
}
