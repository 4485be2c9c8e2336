using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using CoreEntity = Sensu.Core.Resources.Core.Entity;

namespace Sensu.Agent.Entity;

/// <summary>Holds the agent's entity; hands out copies so events never share (and race on) one instance.</summary>
internal sealed class AgentEntityProvider(CoreEntity entity)
{
    private readonly Lock _lock = new();
    private CoreEntity _entity = entity;

    public string Name => _entity.Metadata.Name ?? "";

    public string Namespace => _entity.Metadata.Namespace ?? "default";

    public CoreEntity Snapshot()
    {
        lock (_lock)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(_entity, SensuJsonContext.Default.Entity);
            return JsonSerializer.Deserialize(json, SensuJsonContext.Default.Entity)!;
        }
    }

    public void Replace(CoreEntity entity)
    {
        lock (_lock)
            _entity = entity;
    }

    /// <summary>Applies a configuration the backend sent (<c>entity_config</c>) to a copy of the entity, which then replaces it.</summary>
    public void Apply(EntityConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_lock)
        {
            var copy = Snapshot();
            config.ApplyTo(copy);
            _entity = copy;
        }
    }
}
