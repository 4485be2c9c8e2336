namespace Sensu.Backend.Agentd;

/// <summary>Which agents are connected now: the ring round-robin scheduling rotates through.</summary>
public interface IAgentPresence
{
    /// <summary>Names of connected agents of <paramref name="namespace"/> subscribed to <paramref name="subscription"/>, sorted ordinally.</summary>
    IReadOnlyList<string> Subscribers(string @namespace, string subscription);
}
