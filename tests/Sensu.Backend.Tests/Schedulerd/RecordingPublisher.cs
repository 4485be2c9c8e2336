using System.Collections.Concurrent;
using Sensu.Backend.Agentd;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Schedulerd;

/// <summary>Agentd's side of the seam: records every publication instead of sending it to agents.</summary>
public sealed class RecordingPublisher : ICheckRequestPublisher
{
    public ConcurrentQueue<(string Namespace, string Topic, CheckRequest Request)> Published { get; } = new();

    public ValueTask<int> PublishAsync(string @namespace, string topic, CheckRequest request, CancellationToken cancellationToken)
    {
        Published.Enqueue((@namespace, topic, request));
        return ValueTask.FromResult(1);
    }

    public List<(string Topic, CheckRequest Request)> For(string check) =>
        Published.Where(p => p.Request.Config.Metadata.Name == check).Select(p => (p.Topic, p.Request)).ToList();
}
