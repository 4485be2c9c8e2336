using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Authentication;
using Sensu.Backend.Dashboard.Events;
using Sensu.Backend.Resources;
using Sensu.Backend.Schedulerd;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Dashboard.Checks;

/// <summary>
/// "Execute now": an ad hoc request queued for the scheduler, authorized as the API's
/// <c>POST …/checks/NAME/execute</c> and answered with exactly what was issued.
/// </summary>
public sealed class CheckActions(DashboardAccess access, ResourceService resources, AdhocQueue queue, ILogger<CheckActions> logger)
{
    public static string ExecutePath(string @namespace, string check) => ResourceRegistry.For<CheckConfig>().ItemPath(@namespace, check) + "/execute";

    public Task<bool> CanExecuteAsync(ClaimsPrincipal user, string @namespace, string check, CancellationToken cancellationToken) =>
        access.CanAsync(user, "POST", ExecutePath(@namespace, check), cancellationToken);

    /// <summary>Queues the check for <paramref name="subscriptions"/> (none: the check's own).</summary>
    public async Task<EventActionResult> ExecuteAsync(ClaimsPrincipal user, string @namespace, string check, IReadOnlyList<string> subscriptions, string? reason, CancellationToken cancellationToken)
    {
        var username = SensuPrincipal.Username(user) ?? "anonymous";
        if (!await CanExecuteAsync(user, @namespace, check, cancellationToken))
        {
            Log.ActionRefused(logger, "execute", ExecutePath(@namespace, check), username);
            return new EventActionResult(false, $"You are not allowed to execute check {check}.");
        }
        var config = await resources.GetAsync<CheckConfig>(@namespace, check, cancellationToken);
        if (config is null)
            return new EventActionResult(false, $"Check {check} has no definition in namespace {@namespace}.");
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (!queue.TryEnqueue(new AdhocRequest(@namespace, check, subscriptions, reason, username)))
            return new EventActionResult(false, "The ad hoc request queue is full; try again later.");
        Log.ActionDone(logger, "execute", $"{@namespace}/{check}", username);
        var targets = subscriptions.Count > 0 ? subscriptions : config.Subscriptions;
        return new EventActionResult(true,
            $"Issued check {check} to subscriptions {string.Join(", ", targets)}" + (reason is null ? "." : $" (reason: {reason})."));
    }
}
