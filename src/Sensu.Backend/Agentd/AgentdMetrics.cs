using System.Diagnostics.Metrics;

namespace Sensu.Backend.Agentd;

/// <summary>Agentd's instruments: <c>sensu.agentd.*</c>.</summary>
public sealed class AgentdMetrics
{
    private readonly UpDownCounter<long> sessions;
    private readonly Counter<long> received;
    private readonly Counter<long> sent;
    private readonly Counter<long> refusals;

    public AgentdMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create("Sensu.Backend.Agentd");
        sessions = meter.CreateUpDownCounter<long>("sensu.agentd.sessions", description: "Open agent sessions");
        received = meter.CreateCounter<long>("sensu.agentd.messages.received", description: "Messages received from agents");
        sent = meter.CreateCounter<long>("sensu.agentd.messages.sent", description: "Messages sent to agents");
        refusals = meter.CreateCounter<long>("sensu.agentd.refusals", description: "Refused handshakes and messages, by reason");
    }

    public void SessionOpened() => sessions.Add(1);

    public void SessionClosed() => sessions.Add(-1);

    public void Received(string type) => received.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Sent(string type) => sent.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Refused(string reason) => refusals.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
