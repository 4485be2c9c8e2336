using System.Net;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Hosting;

/// <summary>
/// The backend's own entity (secrets-spec §4.3): named after the host, <c>entity_class: backend</c>, in the
/// <c>sensu-system</c> namespace. Events about the backend itself (such as the <c>secrets</c> health events) are
/// about this entity. Backend entities get no keepalives.
/// </summary>
public sealed class BackendEntity
{
    public const string Namespace = "sensu-system";

    public BackendEntity()
        : this(HostName())
    {
    }

    public BackendEntity(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
    }

    /// <summary>The host name, as the operating system reports it.</summary>
    public string Name { get; }

    /// <summary>A fresh copy of the entity resource.</summary>
    public Entity ToEntity() => new()
    {
        EntityClass = Entity.BackendClass,
        Metadata = new ObjectMeta { Name = Name, Namespace = Namespace },
        System = new EntitySystem { Hostname = Name },
        SensuAgentVersion = BackendVersion.SensuApiLevel,
    };

    private static string HostName()
    {
        var name = Dns.GetHostName();
        return string.IsNullOrWhiteSpace(name) ? Environment.MachineName : name;
    }
}
