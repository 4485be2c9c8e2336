using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Authentication;
using Sensu.Backend.Dashboard.Events;
using Sensu.Backend.Eventd;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Dashboard.Silences;

/// <summary>
/// Creating and clearing silences, authorized as the API's POST and DELETE on <c>silenced</c>; a new silence answers
/// with the current events of its namespace it now silences.
/// </summary>
public sealed class SilenceActions(DashboardAccess access, ResourceService resources, DashboardEvents events, TimeProvider time, ILogger<SilenceActions> logger)
{
    /// <summary>Most events read to tell what a new silence silences.</summary>
    public const int ScanLimit = 5000;

    public Task<bool> CanCreateAsync(ClaimsPrincipal user, string @namespace, CancellationToken cancellationToken) =>
        access.CanAsync(user, "POST", DashboardAccess.SilencedPath(@namespace), cancellationToken);

    public Task<bool> CanClearAsync(ClaimsPrincipal user, string @namespace, string name, CancellationToken cancellationToken) =>
        access.CanAsync(user, "DELETE", ResourceRegistry.For<Silenced>().ItemPath(@namespace, name), cancellationToken);

    /// <summary>Creates a silence for a subscription and/or check (at least one) with a reason and an expiry in seconds (0: none).</summary>
    public async Task<SilenceCreated> CreateAsync(ClaimsPrincipal user, string @namespace, string? subscription, string? check, string? reason, long expireSeconds, CancellationToken cancellationToken)
    {
        var username = SensuPrincipal.Username(user) ?? "anonymous";
        if (!await CanCreateAsync(user, @namespace, cancellationToken))
        {
            Log.ActionRefused(logger, "silence", DashboardAccess.SilencedPath(@namespace), username);
            return new SilenceCreated(new EventActionResult(false, "You are not allowed to create silences here."), []);
        }
        subscription = string.IsNullOrWhiteSpace(subscription) ? null : subscription.Trim();
        check = string.IsNullOrWhiteSpace(check) ? null : check.Trim();
        if (subscription is null && check is null)
            return new SilenceCreated(new EventActionResult(false, "Give a subscription, a check, or both."), []);
        if (expireSeconds < 0)
            return new SilenceCreated(new EventActionResult(false, "The expiry must not be negative."), []);
        var silence = new Silenced
        {
            Metadata = new ObjectMeta { Namespace = @namespace, CreatedBy = username },
            Subscription = subscription,
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
            return new SilenceCreated(new EventActionResult(false, ex.Message), []);
        }
        var name = Silenced.ComputeName(subscription, check);
        Log.ActionDone(logger, "silence", $"{@namespace}/{name}", username);
        var stored = await resources.GetAsync<Silenced>(@namespace, name, cancellationToken) ?? silence;
        var silenced = await SilencedEventsAsync(user, @namespace, stored, cancellationToken);
        return new SilenceCreated(new EventActionResult(true, $"Created silence {stored.Metadata.Name}."), silenced);
    }

    public async Task<EventActionResult> ClearAsync(ClaimsPrincipal user, string @namespace, string name, CancellationToken cancellationToken)
    {
        var username = SensuPrincipal.Username(user) ?? "anonymous";
        if (!await CanClearAsync(user, @namespace, name, cancellationToken))
        {
            Log.ActionRefused(logger, "clear silence", $"{@namespace}/{name}", username);
            return new EventActionResult(false, $"You are not allowed to clear silence {name}.");
        }
        var deleted = await resources.DeleteAsync(ResourceRegistry.For<Silenced>(), @namespace, name, cancellationToken);
        Log.ActionDone(logger, "clear silence", $"{@namespace}/{name}", username);
        return deleted ? new EventActionResult(true, $"Cleared silence {name}.") : new EventActionResult(false, $"Silence {name} no longer exists.");
    }

    /// <summary>The events of the namespace the user may see that <paramref name="silence"/> silences now.</summary>
    public async Task<IReadOnlyList<EventRow>> SilencedEventsAsync(ClaimsPrincipal user, string @namespace, Silenced silence, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var matched = new List<EventRow>();
        EventCursor? cursor = EventCursor.First;
        var read = 0;
        while (cursor is not null && read < ScanLimit)
        {
            var page = await events.ListAsync(user, @namespace, new EventQuery(), cursor, 500, cancellationToken);
            read += page.Rows.Count;
            matched.AddRange(page.Rows.Where(r => SilenceMatcher.Silences(silence, r.Event, now)));
            cursor = page.Next;
        }
        return matched;
    }
}
