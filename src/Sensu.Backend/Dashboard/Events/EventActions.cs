using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Authentication;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Dashboard.Events;

/// <summary>
/// Resolve, silence and delete from the dashboard. Each is authorized here, on the server, as the API request it
/// stands for, whatever the page showed: a button hidden from a user is no protection by itself.
/// </summary>
public sealed class EventActions(DashboardAccess access, IEventStore events, IEventWriter writer, ResourceService resources, Checks.CheckActions checks, TimeProvider time, ILogger<EventActions> logger)
{
    /// <summary>What the user may do with the events of <paramref name="namespace"/> (to show or hide the buttons).</summary>
    public async Task<EventPermissions> PermissionsAsync(ClaimsPrincipal user, string @namespace, string entity, string check, CancellationToken cancellationToken) => new(
        await access.CanAsync(user, "PUT", DashboardAccess.EventPath(@namespace, entity, check), cancellationToken),
        await access.CanAsync(user, "POST", DashboardAccess.SilencedPath(@namespace), cancellationToken),
        await access.CanAsync(user, "DELETE", DashboardAccess.EventPath(@namespace, entity, check), cancellationToken));

    /// <summary>Writes the event again as passing ("Resolved manually by USER"), through Eventd like an API PUT.</summary>
    public async Task<EventActionResult> ResolveAsync(ClaimsPrincipal user, string @namespace, string entity, string check, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(user, "resolve", "PUT", DashboardAccess.EventPath(@namespace, entity, check), cancellationToken))
            return EventActionResult.Refused("resolve");
        var stored = await events.GetEventAsync(new EventKey(@namespace, entity, check), cancellationToken);
        if (stored is null || System.Text.Json.JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.Event) is not { Check: { } } ev)
            return new EventActionResult(false, "The event no longer exists.");
        var username = SensuPrincipal.Username(user)!;
        ev.Check!.Status = 0;
        ev.Check.Output = $"Resolved manually by {username}";
        ev.Check.Executed = time.GetUtcNow().ToUnixTimeSeconds();
        ev.Timestamp = ev.Check.Executed;
        await writer.WriteAsync(ev, cancellationToken);
        Log.ActionDone(logger, "resolve", stored.Key.ToString(), username);
        return new EventActionResult(true, "Resolved.");
    }

    /// <summary>Silences the check on this entity (<c>entity:NAME</c> subscription) with a reason and an expiry in seconds (0: none).</summary>
    public async Task<EventActionResult> SilenceAsync(ClaimsPrincipal user, string @namespace, string entity, string check, string reason, long expireSeconds, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(user, "silence", "POST", DashboardAccess.SilencedPath(@namespace), cancellationToken))
            return EventActionResult.Refused("silence");
        if (expireSeconds < 0)
            return new EventActionResult(false, "The expiry must not be negative.");
        var username = SensuPrincipal.Username(user)!;
        var silence = new Silenced
        {
            Metadata = new ObjectMeta { Namespace = @namespace, CreatedBy = username },
            Subscription = Entity.EntitySubscription(entity),
            Check = check,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Expire = expireSeconds,
            Creator = username,
        };
        try
        {
            await resources.PutAsync(silence, cancellationToken);
        }
        catch (ResourceException ex)
        {
            return new EventActionResult(false, ex.Message);
        }
        Log.ActionDone(logger, "silence", $"{@namespace}/{entity}/{check}", username);
        return new EventActionResult(true, "Silenced.");
    }

    /// <summary>Re-runs the event's check on its entity: an ad hoc request for <c>entity:NAME</c>, authorized as the API's execute.</summary>
    public Task<EventActionResult> RerunAsync(ClaimsPrincipal user, string @namespace, string entity, string check, CancellationToken cancellationToken) =>
        checks.ExecuteAsync(user, @namespace, check, [Entity.EntitySubscription(entity)], "re-run from the dashboard", cancellationToken);

    public async Task<EventActionResult> DeleteAsync(ClaimsPrincipal user, string @namespace, string entity, string check, CancellationToken cancellationToken)
    {
        if (!await AllowedAsync(user, "delete", "DELETE", DashboardAccess.EventPath(@namespace, entity, check), cancellationToken))
            return EventActionResult.Refused("delete");
        var deleted = await events.DeleteEventAsync(new EventKey(@namespace, entity, check), cancellationToken);
        Log.ActionDone(logger, "delete", $"{@namespace}/{entity}/{check}", SensuPrincipal.Username(user)!);
        return deleted ? new EventActionResult(true, "Deleted.") : new EventActionResult(false, "The event no longer exists.");
    }

    private async Task<bool> AllowedAsync(ClaimsPrincipal user, string action, string method, string path, CancellationToken cancellationToken)
    {
        if (await access.CanAsync(user, method, path, cancellationToken))
            return true;
        Log.ActionRefused(logger, action, path, SensuPrincipal.Username(user) ?? "anonymous");
        return false;
    }
}
