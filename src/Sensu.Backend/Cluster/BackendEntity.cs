using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Execution.Host;

namespace Sensu.Backend.Cluster;

/// <summary>
/// The backend's own entity (secrets-spec §4.3): named after the host, <c>entity_class: backend</c>, in the
/// <c>sensu-system</c> namespace, with the host's system facts gathered as the agent gathers its own
/// (<see cref="SystemFacts"/>). Events about the backend itself (such as the <c>secrets</c> health events) are about
/// this entity, and the builds of the runtime assets that filters, mutators and handlers use are chosen against it.
/// Backend entities get no keepalives.
/// </summary>
public sealed class BackendEntity : IAssetBuildTarget
{
    public const string Namespace = "sensu-system";

    private readonly EntitySystem _system;

    public BackendEntity()
        : this(SystemFacts.Collect())
    {
    }

    /// <summary>An entity named after <paramref name="system"/>'s host name.</summary>
    public BackendEntity(EntitySystem system)
        : this(system?.Hostname ?? "", system!)
    {
    }

    /// <summary>An entity named <paramref name="name"/>; with no facts given, it carries the host name only.</summary>
    public BackendEntity(string name, EntitySystem? system = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _system = system ?? new EntitySystem { Hostname = name };
        Entity = ToEntity();
    }

    /// <summary>The host name, as the operating system reports it.</summary>
    public string Name { get; }

    /// <summary>The entity as built at start; callers must not change it (use <see cref="ToEntity"/> for a copy).</summary>
    public Entity Entity { get; }

    /// <summary>A fresh copy of the entity resource.</summary>
    public Entity ToEntity() => new()
    {
        EntityClass = Entity.BackendClass,
        Metadata = new ObjectMeta { Name = Name, Namespace = Namespace },
        System = Copy(_system),
        SensuAgentVersion = BackendVersion.SensuApiLevel,
    };

    private static EntitySystem Copy(EntitySystem system) =>
        JsonSerializer.Deserialize(
            JsonSerializer.SerializeToUtf8Bytes(system, SensuJsonContext.Default.EntitySystem),
            SensuJsonContext.Default.EntitySystem)!;
}
