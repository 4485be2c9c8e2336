using System.Security.Claims;
using Sensu.Backend.Cluster;
using Sensu.Backend.Dashboard.Events;
using Sensu.Backend.Dashboard.Resources;
using Sensu.Backend.Secrets;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Dashboard.Secrets;

/// <summary>
/// Secrets and providers for the dashboard: names, providers, ids, the handlers, mutators and checks referencing each
/// secret (among those the user may list), each secret's latest resolution from <see cref="SecretAudit"/>, and the
/// providers' health. Every read is authorized as its API GET; values and provider configuration are never read.
/// </summary>
public sealed class DashboardSecrets(DashboardResources resources, DashboardAccess access, DashboardEvents events, SecretAudit audit, BackendEntity backend)
{
    public async Task<SecretsOverview> ReadAsync(ClaimsPrincipal user, string @namespace, CancellationToken cancellationToken)
    {
        IReadOnlyList<SecretRow>? rows = null;
        if (await resources.ListAsync(user, ResourceRegistry.For<Secret>(), @namespace, cancellationToken) is { } secrets)
        {
            var users = new List<(string Consumer, IEnumerable<SecretReference> References)>();
            users.AddRange((await resources.ListAsync<Handler>(user, @namespace, cancellationToken)).Select(h => ("handler " + h.Metadata.Name, (IEnumerable<SecretReference>)(h.Secrets ?? []))));
            users.AddRange((await resources.ListAsync<Mutator>(user, @namespace, cancellationToken)).Select(m => ("mutator " + m.Metadata.Name, (IEnumerable<SecretReference>)(m.Secrets ?? []))));
            users.AddRange((await resources.ListAsync<CheckConfig>(user, @namespace, cancellationToken)).Select(c => ("check " + c.Metadata.Name, (IEnumerable<SecretReference>)(c.Secrets ?? []))));
            rows = secrets.OfType<Secret>().Select(s =>
            {
                var name = s.Metadata.Name ?? "";
                var usedBy = users.Where(u => u.References.Any(r => r.Secret == name)).Select(u => u.Consumer).ToList();
                return new SecretRow(name, s.Provider, s.Id, usedBy, audit.Latest(@namespace, name));
            }).ToList();
        }
        IReadOnlyList<ProviderRow>? providers = null;
        if (await resources.ListAsync(user, ResourceRegistry.For<EnvProvider>(), @namespace, cancellationToken) is { } listed)
            providers = listed.Select(p => new ProviderRow(p.Metadata.Name ?? "", ResourceRegistry.For(p).Name)).ToList();
        EventRow? health = null;
        if (await access.CanAsync(user, "GET", DashboardAccess.EventPath(BackendEntity.Namespace, backend.Name, SecretsHealthEvents.CheckName), cancellationToken))
            health = (await events.GetAsync(user, BackendEntity.Namespace, backend.Name, SecretsHealthEvents.CheckName, cancellationToken))?.Row;
        return new SecretsOverview(rows, providers, health);
    }
}
