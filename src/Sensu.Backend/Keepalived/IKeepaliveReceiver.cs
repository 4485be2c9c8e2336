using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Keepalived;

/// <summary>Agentd → Keepalived: a validated keepalive event from an agent session (core-spec §4.2).</summary>
public interface IKeepaliveReceiver
{
    Task ReceiveAsync(Event keepalive, CancellationToken cancellationToken);
}
