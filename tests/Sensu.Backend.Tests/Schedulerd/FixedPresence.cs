using Sensu.Backend.Agentd;

namespace Sensu.Backend.Tests.Schedulerd;

/// <summary>Connected agents as the test sets them: subscription → agent names.</summary>
public sealed class FixedPresence : IAgentPresence
{
    public Dictionary<string, List<string>> Agents { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Subscribers(string @namespace, string subscription) =>
        Agents.TryGetValue(subscription, out var names) ? names.Order(StringComparer.Ordinal).ToList() : [];
}
