using System.Text.Json.Serialization;
using Sensu.Core.Json;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// core/v3 EntityConfig: the part of an entity that its owner configures (as opposed to the state an agent reports:
/// system, last_seen, version). The backend sends it to an agent in the <c>entity_config</c> message (core-spec §6.3)
/// when a backend-managed entity is created or changed, so subscriptions and labels set with <c>sensuctl entity
/// update</c> reach the agent.
/// </summary>
public sealed class EntityConfig : IJsonOnDeserialized
{
    public ObjectMeta Metadata { get; set; } = new();

    public string EntityClass { get; set; } = "";

    public string? User { get; set; }

    /// <summary>Written as <c>null</c> when empty, as Go writes a nil slice.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Subscriptions { get; set; } = [];

    public bool Deregister { get; set; }

    public Deregistration Deregistration { get; set; } = new();

    public List<string>? KeepaliveHandlers { get; set; }

    public List<string>? Redact { get; set; }

    /// <summary>The configuration part of <paramref name="entity"/> (its lists and maps copied).</summary>
    public static EntityConfig From(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new EntityConfig
        {
            Metadata = new ObjectMeta
            {
                Name = entity.Metadata.Name,
                Namespace = entity.Metadata.Namespace,
                Labels = entity.Metadata.Labels is null ? null : new Dictionary<string, string>(entity.Metadata.Labels, StringComparer.Ordinal),
                Annotations = entity.Metadata.Annotations is null ? null : new Dictionary<string, string>(entity.Metadata.Annotations, StringComparer.Ordinal),
                CreatedBy = entity.Metadata.CreatedBy,
            },
            EntityClass = entity.EntityClass,
            User = entity.User,
            Subscriptions = [.. entity.Subscriptions],
            Deregister = entity.Deregister,
            Deregistration = new Deregistration { Handler = entity.Deregistration.Handler },
            KeepaliveHandlers = entity.KeepaliveHandlers is null ? null : [.. entity.KeepaliveHandlers],
            Redact = entity.Redact is null ? null : [.. entity.Redact],
        };
    }

    /// <summary>
    /// Applies this configuration to an agent's own <paramref name="entity"/>: subscriptions (plus the entity's own
    /// <c>entity:NAME</c>), labels, annotations, deregistration, keepalive handlers and redaction; the entity keeps its
    /// name, namespace, class and state (system facts, version, user).
    /// </summary>
    public void ApplyTo(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var own = Entity.EntitySubscription(entity.Metadata.Name ?? "");
        entity.Subscriptions = [.. Subscriptions.Where(s => s != own).Distinct(StringComparer.Ordinal), own];
        entity.Metadata.Labels = Metadata.Labels is { Count: > 0 } ? new Dictionary<string, string>(Metadata.Labels, StringComparer.Ordinal) : null;
        entity.Metadata.Annotations = Metadata.Annotations is { Count: > 0 } ? new Dictionary<string, string>(Metadata.Annotations, StringComparer.Ordinal) : null;
        entity.Deregister = Deregister;
        entity.Deregistration = new Deregistration { Handler = Deregistration.Handler };
        entity.KeepaliveHandlers = KeepaliveHandlers is null ? null : [.. KeepaliveHandlers];
        entity.Redact = Redact is null ? null : [.. Redact];
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        EntityClass ??= "";
        Subscriptions ??= [];
        Deregistration ??= new Deregistration();
    }
}
