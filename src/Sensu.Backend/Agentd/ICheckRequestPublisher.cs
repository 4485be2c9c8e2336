using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Agentd;

/// <summary>
/// Schedulerd → Agentd: delivers a check request to every connected agent session of <paramref name="namespace"/>
/// subscribed to <paramref name="topic"/> (a subscription, or <c>entity:&lt;name&gt;</c>). Sessions that did not
/// authenticate with a client certificate get the request without <see cref="CheckRequest.Secrets"/> and the
/// backend logs secrets-spec §4.4's warning. Returns how many sessions it was queued for.
/// </summary>
public interface ICheckRequestPublisher
{
    ValueTask<int> PublishAsync(string @namespace, string topic, CheckRequest request, CancellationToken cancellationToken);
}
