namespace Sensu.Transport;

/// <summary>The message type strings of the agent protocol (core-spec §6.3); the first line of every frame.</summary>
public static class MessageTypes
{
    /// <summary>agent → backend: an Event with the agent entity and the <c>keepalive</c> check.</summary>
    public const string Keepalive = "keepalive";

    /// <summary>agent → backend: a check result and/or metrics.</summary>
    public const string Event = "event";

    /// <summary>backend → agent: a <see cref="Sensu.Core.Resources.Core.CheckRequest"/>.</summary>
    public const string CheckRequest = "check_request";

    /// <summary>backend → agent (6.x): the agent's entity as the backend keeps it.</summary>
    public const string EntityConfig = "entity_config";
}
