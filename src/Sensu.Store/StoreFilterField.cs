namespace Sensu.Store;

/// <summary>What a <see cref="StoreFilterTerm"/> compares. Which fields a listing accepts is said on each listing.</summary>
public enum StoreFilterField
{
    /// <summary>A resource's name (the key's name). Resource listings only.</summary>
    Name,

    /// <summary>An event's entity name (the key's entity). Event listings only.</summary>
    EventEntity,

    /// <summary>An event's check name (the key's check). Event listings only.</summary>
    EventCheck,

    /// <summary>An event's <c>check.status</c> as decimal text; <c>0</c> when the event has no check or no status. Event listings only.</summary>
    EventCheckStatus,

    /// <summary>
    /// The value of label <see cref="StoreFilterTerm.Label"/>: a resource's <c>metadata.labels</c>; for an event, the
    /// labels of its check, else of its entity, else its own (the check's win over the entity's over the event's).
    /// </summary>
    Label,
}
