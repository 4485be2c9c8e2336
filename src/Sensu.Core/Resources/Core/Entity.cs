using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 Entity (core-spec §3.8): an agent, proxy, backend or service that events are about.</summary>
public sealed class Entity : IResource, IJsonOnDeserialized
{
    public const string AgentClass = "agent";
    public const string ProxyClass = "proxy";
    public const string BackendClass = "backend";
    public const string ServiceClass = "service";

    /// <summary>Label of entities whose configuration their agent owns (6.x <c>agent-managed-entity</c>).</summary>
    public const string ManagedByLabel = "sensu.io/managed_by";

    /// <summary>The <see cref="ManagedByLabel"/> value of agent-managed entities.</summary>
    public const string ManagedByAgent = "sensu-agent";

    /// <summary>The string that replaces redacted label and annotation values.</summary>
    public const string Redacted = "REDACTED";

    /// <summary>Keys redacted when an entity has no <see cref="Redact"/> list of its own.</summary>
    public static IReadOnlyList<string> DefaultRedactFields { get; } =
        ["password", "passwd", "pass", "api_key", "api_token", "access_key", "secret_key", "private_key", "secret"];

    public string EntityClass { get; set; } = "";

    public EntitySystem System { get; set; } = new();

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Subscriptions { get; set; } = [];

    public long LastSeen { get; set; }

    public bool Deregister { get; set; }

    public Deregistration Deregistration { get; set; } = new();

    public string? User { get; set; }

    public List<string>? Redact { get; set; }

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public string SensuAgentVersion { get; set; } = "";

    public List<string>? KeepaliveHandlers { get; set; }

    /// <summary>
    /// Backend entities are created by the backend itself; the API must refuse them from users
    /// (<see cref="EnsureUserCreatable"/>). Validate() accepts them so stored backend entities stay valid.
    /// </summary>
    [JsonIgnore]
    public bool IsBackendClass => EntityClass == BackendClass;

    /// <summary>Whether the entity's agent owns its configuration (<see cref="ManagedByLabel"/> is <see cref="ManagedByAgent"/>).</summary>
    [JsonIgnore]
    public bool IsAgentManaged => Metadata.Labels?.GetValueOrDefault(ManagedByLabel) == ManagedByAgent;

    public void Validate()
    {
        Validators.Name(Metadata.Name, "entity name");
        Validators.Name(EntityClass, "entity class");
        Validators.NamespaceSet(Metadata.Namespace);
    }

    /// <summary>Throws when a user (API, sensuctl) tries to create or replace an entity of class <c>backend</c>.</summary>
    public void EnsureUserCreatable()
    {
        if (IsBackendClass)
            throw new ResourceValidationException($"entities of class {BackendClass} cannot be created by users");
    }

    /// <summary>A copy sharing every value of this entity (lists, maps and nested objects too), for a view that replaces one of its fields.</summary>
    public Entity ShallowCopy() => (Entity)MemberwiseClone();

    /// <summary>The <c>entity:&lt;name&gt;</c> subscription every agent entity carries.</summary>
    public static string EntitySubscription(string entityName) => $"entity:{entityName}";

    /// <summary>
    /// A copy whose label and annotation values are replaced with <c>REDACTED</c> when their key is in
    /// <see cref="Redact"/> (or the default list when that is empty): exact, case-sensitive key match.
    /// Use for API output and before filters see the entity; the stored entity keeps the real values.
    /// When no key is to be redacted the entity itself is returned: callers read the result, never change it.
    /// </summary>
    public Entity GetRedacted()
    {
        IReadOnlyList<string> keys = Redact is { Count: > 0 } ? Redact : DefaultRedactFields;
        if (!AnyRedacted(Metadata.Labels, keys) && !AnyRedacted(Metadata.Annotations, keys))
            return this;
        var copy = (Entity)MemberwiseClone();
        copy.Metadata = new ObjectMeta
        {
            Name = Metadata.Name,
            Namespace = Metadata.Namespace,
            CreatedBy = Metadata.CreatedBy,
            Labels = RedactMap(Metadata.Labels, keys),
            Annotations = RedactMap(Metadata.Annotations, keys),
        };
        return copy;
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        EntityClass ??= "";
        System ??= new EntitySystem();
        Subscriptions ??= [];
        Deregistration ??= new Deregistration();
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
        SensuAgentVersion ??= "";
        if (User is { Length: 0 }) User = null;
        if (Redact is { Count: 0 }) Redact = null;
        if (KeepaliveHandlers is { Count: 0 }) KeepaliveHandlers = null;
    }

    private static bool AnyRedacted(Dictionary<string, string>? map, IReadOnlyList<string> keys)
    {
        if (map is null)
            return false;
        foreach (var key in map.Keys)
        {
            if (keys.Contains(key, StringComparer.Ordinal))
                return true;
        }
        return false;
    }

    private static Dictionary<string, string>? RedactMap(Dictionary<string, string>? map, IReadOnlyList<string> keys)
    {
        if (map is null)
            return null;
        var result = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (k, v) in map)
            result[k] = keys.Contains(k, StringComparer.Ordinal) ? Redacted : v;
        return result;
    }
}
