using Microsoft.Extensions.Logging;
using Sensu.Backend.Agentd;
using Sensu.Backend.Caching;
using Sensu.Backend.Secrets;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;
using Sensu.Core.Tokens;
using Sensu.Backend.Secrets.Redaction;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// One execution of a check (a scheduled tick or an ad hoc request; core-spec §7): builds the request — resolving
/// the check's secrets each time — and publishes it to each subscription, to one agent per subscription for
/// round robin, or once per matching entity for proxy checks (tokens substituted against that entity, spread over
/// the splay window). When secrets cannot be resolved nothing is published and a status-3 event with the reason is
/// written for each entity the request was meant for, so the failure is seen (Sensu only logs it).
/// </summary>
public sealed class CheckExecutor(
    CheckRequestBuilder builder,
    ProxyEntitySelector proxies,
    ICheckRequestPublisher publisher,
    IAgentPresence presence,
    RoundRobinRing ring,
    SecretsResolver secrets,
    SecretScrubber scrubber,
    IEventWriter events,
    ResourceCache<Entity> entities,
    TimeProvider time,
    ILogger<CheckExecutor> logger)
{
    /// <summary>Output prefix of the status-3 event written when a check's secrets cannot be resolved.</summary>
    public const string SecretsFailurePrefix = "failed to retrieve secrets for check: ";

    internal SchedulerdMetrics? Metrics { get; set; }

    /// <summary>Executes <paramref name="check"/> once; <paramref name="subscriptions"/> (ad hoc) override the check's.</summary>
    public async Task ExecuteAsync(CheckConfig check, IReadOnlyList<string>? subscriptions, TimeSpan splayWindow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        var topics = subscriptions is { Count: > 0 } ? subscriptions : check.Subscriptions;
        if (check.ProxyRequests is not null)
        {
            await ExecuteProxyAsync(check, topics, splayWindow, cancellationToken);
            return;
        }
        var request = await BuildAsync(check, () => SubscribedEntities(check, topics), cancellationToken);
        if (request is not null)
            await PublishAsync(check, topics, request, cancellationToken);
    }

    private async Task ExecuteProxyAsync(CheckConfig check, IReadOnlyList<string> topics, TimeSpan splayWindow, CancellationToken cancellationToken)
    {
        var matches = proxies.Matching(check, cancellationToken);
        if (matches.Count == 0)
        {
            Log.NoMatchingEntities(logger, check.Metadata.Namespace!, check.Metadata.Name!);
            Metrics?.Execution("no_match");
            return;
        }
        var pause = TimeSpan.Zero;
        if (check.ProxyRequests is { Splay: true, SplayCoverage: > 0 } splay && splayWindow > TimeSpan.Zero)
            pause = splayWindow * (splay.SplayCoverage / 100.0) / matches.Count;
        for (var i = 0; i < matches.Count; i++)
        {
            if (i > 0 && pause > TimeSpan.Zero)
                await Task.Delay(pause, time, cancellationToken);
            var entity = matches[i];
            CheckConfig substituted;
            try
            {
                substituted = TokenSubstitution.Substitute(check, SensuJsonContext.Default.CheckConfig, Synthesized.Entity(entity));
            }
            catch (TokenSubstitutionException ex)
            {
                Log.ProxySubstitutionFailed(logger, check.Metadata.Name!, entity.Metadata.Name!, ex.Message);
                Metrics?.Execution("token_error");
                continue;
            }
            substituted.ProxyEntityName = entity.Metadata.Name!;
            var request = await BuildAsync(substituted, () => [entity], cancellationToken);
            if (request is not null)
                await PublishAsync(substituted, topics, request, cancellationToken);
        }
    }

    /// <summary>The request, or null when secrets failed (the failure events are written then).</summary>
    private async Task<CheckRequest?> BuildAsync(CheckConfig check, Func<IReadOnlyList<Entity>> audience, CancellationToken cancellationToken)
    {
        List<string>? resolved = null;
        if (check.Secrets is { Count: > 0 })
        {
            try
            {
                var values = await secrets.ResolveAsync(check.Metadata.Namespace!, check.Secrets, $"check {check.Metadata.Name}", cancellationToken)
                    ;
                resolved = SecretEnvironment.Entries(values).ToList();
            }
            catch (SecretLookupException ex)
            {
                var reason = scrubber.Scrub(ex.Message);
                Log.SecretsFailed(logger, check.Metadata.Namespace!, check.Metadata.Name!, reason);
                Metrics?.Execution("secrets_failed");
                await WriteSecretsFailureAsync(check, reason, audience(), cancellationToken);
                return null;
            }
        }
        return builder.Build(check, time.GetUtcNow().ToUnixTimeSeconds(), resolved);
    }

    private async Task PublishAsync(CheckConfig check, IReadOnlyList<string> topics, CheckRequest request, CancellationToken cancellationToken)
    {
        var ns = check.Metadata.Namespace!;
        var sessions = 0;
        foreach (var subscription in topics)
        {
            var topic = subscription;
            if (check.RoundRobin)
            {
                if (ring.Next(ns, subscription, presence.Subscribers(ns, subscription)) is not { } agent)
                {
                    Log.NoRoundRobinAgent(logger, ns, check.Metadata.Name!, subscription);
                    continue;
                }
                topic = Entity.EntitySubscription(agent);
            }
            sessions += await publisher.PublishAsync(ns, topic, request, cancellationToken);
            Metrics?.Request(check.RoundRobin ? "round_robin" : string.IsNullOrEmpty(check.ProxyEntityName) ? "subscription" : "proxy");
        }
        Log.Published(logger, ns, check.Metadata.Name!, topics.Count, sessions);
        Metrics?.Execution("published");
    }

    /// <summary>The agents (from the entity cache, or a bare agent entity) connected on any of the topics.</summary>
    private List<Entity> SubscribedEntities(CheckConfig check, IReadOnlyList<string> topics)
    {
        var ns = check.Metadata.Namespace!;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var topic in topics)
            names.UnionWith(presence.Subscribers(ns, topic));
        return names
            .Select(name => entities.Get(ns, name) ?? new Entity
            {
                EntityClass = Entity.AgentClass,
                Subscriptions = [Entity.EntitySubscription(name)],
                Metadata = new() { Name = name, Namespace = ns },
            })
            .ToList();
    }

    private async Task WriteSecretsFailureAsync(CheckConfig check, string reason, IReadOnlyList<Entity> audience, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var entity in audience)
        {
            var result = check.ToCheck();
            result.Status = 3;
            result.Output = SecretsFailurePrefix + reason;
            result.Executed = now;
            result.Issued = now;
            var ev = new Event
            {
                Entity = entity,
                Check = result,
                Timestamp = now,
                Metadata = new() { Namespace = check.Metadata.Namespace },
            };
            try
            {
                await events.WriteAsync(ev, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.FailureEventFailed(logger, check.Metadata.Name!, entity.Metadata.Name!, ex);
            }
        }
    }
}
