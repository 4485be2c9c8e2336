using Sensu.Agent.Configuration;
using Sensu.Agent.Hosting;
using Sensu.Core.Meta;
using CoreEntity = Sensu.Core.Resources.Core.Entity;

namespace Sensu.Agent.Entity;

/// <summary>
/// The agent's own entity (core-spec §3.8): name, namespace, subscriptions with <c>entity:&lt;name&gt;</c>, facts;
/// with <c>agent-managed-entity</c>, the label <c>sensu.io/managed_by: sensu-agent</c>, which tells the backend that
/// this agent's configuration wins over the stored entity's.
/// </summary>
internal static class AgentEntityBuilder
{
    /// <summary>The label of an agent-managed entity and its value.</summary>
    public const string ManagedByLabel = "sensu.io/managed_by";

    public const string ManagedByAgent = "sensu-agent";

    public static CoreEntity Build(AgentOptions options, Core.Resources.Core.EntitySystem system)
    {
        ArgumentNullException.ThrowIfNull(options);
        var subscriptions = options.Subscriptions.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var own = CoreEntity.EntitySubscription(options.Name);
        if (!subscriptions.Contains(own))
            subscriptions.Add(own);
        var labels = options.Labels.Count == 0 ? null : new Dictionary<string, string>(options.Labels);
        if (options.AgentManagedEntity)
            (labels ??= [])[ManagedByLabel] = ManagedByAgent;
        return new CoreEntity
        {
            EntityClass = CoreEntity.AgentClass,
            Metadata = new ObjectMeta
            {
                Name = options.Name,
                Namespace = options.Namespace,
                Labels = labels,
                Annotations = options.Annotations.Count == 0 ? null : new Dictionary<string, string>(options.Annotations),
            },
            System = system,
            Subscriptions = subscriptions,
            Deregister = options.Deregister,
            Deregistration = new Core.Resources.Core.Deregistration
            {
                Handler = string.IsNullOrEmpty(options.DeregistrationHandler) ? null : options.DeregistrationHandler,
            },
            User = options.User,
            Redact = [.. options.Redact],
            SensuAgentVersion = AgentVersion.Product,
            KeepaliveHandlers = options.KeepaliveHandlers.Count == 0 ? null : [.. options.KeepaliveHandlers],
        };
    }
}
