namespace Sensu.Backend.Cluster;

/// <summary>Where agents reach this backend (Agentd's listener), for its member record; null before it listens.</summary>
public interface IAgentEndpoint
{
    Uri? Url { get; }
}
