using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Caching;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Authentication;

/// <summary>
/// What every authenticated request is checked against, in memory: users, API keys and login sessions, loaded once
/// and kept fresh by the store's change feed (subscribed before the load). Several backends may share one store, so
/// the store holds the truth between them and each view follows its feed; this backend's own session changes
/// (<see cref="AuthSessions"/>) are applied here at once as well, so the backend that logs a user out refuses the
/// token on the very next request. Entries are kept in revision order (<see cref="RevisionedMap{T}"/>).
/// A user that is deleted, disabled or given a new password loses its sessions here as soon as the change arrives.
/// </summary>
public sealed class AuthStateView(IChangeFeed feed, IResourceReader reader, VerifiedPasswordCache passwords, TimeProvider time, ILogger<AuthStateView> logger)
    : ChangeFeedFollower(feed, Kinds, time)
{
    private static readonly string UserKind = ResourceRegistry.For<User>().StoreKind;
    private static readonly string ApiKeyKind = ResourceRegistry.For<ApiKey>().StoreKind;
    private static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { UserKind, ApiKeyKind, AuthStoreKinds.Sessions };

    /// <summary>Users by name; a null value is a user known to be absent.</summary>
    public RevisionedMap<UserEntry> Users { get; } = new();

    /// <summary>API keys (by key) → the user name they act for; a null value is a deleted key.</summary>
    public RevisionedMap<string> ApiKeys { get; } = new();

    /// <summary>Sessions by id.</summary>
    public RevisionedMap<SessionEntry> Sessions { get; } = new();

    /// <summary>
    /// Applies a user read from the store (e.g. at login) as the feed would. An absent one (null) is not recorded:
    /// names that do not exist must not grow the view; a deletion arrives through the feed.
    /// </summary>
    public void ObserveUser(string name, StoredResource? stored)
    {
        if (stored is not null)
            ApplyUser(name, DecodeUser(stored), stored.Revision);
    }

    /// <summary>Applies an API key read from the store; an absent one (null) is not recorded, as for users.</summary>
    public void ObserveApiKey(string key, StoredResource? stored)
    {
        if (stored is not null)
            ApiKeys.Apply(key, DecodeApiKeyUser(stored), stored.Revision);
    }

    /// <summary>Marks every live session of <paramref name="username"/> revoked; returns their ids.</summary>
    public IReadOnlyList<string> RevokeSessionsOf(string username)
    {
        var revoked = new List<string>();
        foreach (var (id, entry) in Sessions.Entries)
        {
            if (entry.Value is { Revoked: false } session && string.Equals(session.Record.Username, username, StringComparison.Ordinal)
                && Sessions.Update(id, current => current?.Value is { Revoked: false } live ? new Revisioned<SessionEntry>(live with { Revoked = true }, long.MaxValue) : null))
                revoked.Add(id);
        }
        return revoked;
    }

    /// <summary>
    /// Drops sessions (live or revoked) whose end has passed; their tokens are expired anyway. Returns those the store
    /// may still hold (a session revoked here because its user changed on another backend may still be stored).
    /// </summary>
    public IReadOnlyList<string> PruneExpired()
    {
        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        var stored = new List<string>();
        foreach (var (id, entry) in Sessions.Entries)
        {
            if (entry.Value is { } session && session.Record.ExpiresAt <= now && Sessions.Remove(id, entry) && entry.Revision > 0)
                stored.Add(id);
        }
        return stored;
    }

    protected override void Apply(ResourceChange change) =>
        Apply(change.Key, change.Kind == ChangeKind.Put ? change.Resource : null, change.Revision);

    protected override void OnLagged(ChangeFeedLaggedException exception) => Log.ViewLagged(logger, exception);

    protected override void OnFailed(StoreException exception) => Log.ViewFailed(logger, exception);

    private void Apply(ResourceKey key, StoredResource? stored, long revision)
    {
        if (key.Kind == UserKind)
            ApplyUser(key.Name, stored is null ? null : DecodeUser(stored), revision);
        else if (key.Kind == ApiKeyKind)
            ApiKeys.Apply(key.Name, stored is null ? null : DecodeApiKeyUser(stored), revision);
        else if (key.Kind == AuthStoreKinds.Sessions)
            ApplySession(key.Name, stored is null ? null : DecodeSession(stored), revision);
    }

    private void ApplyUser(string name, User? user, long revision)
    {
        var before = Users.Get(name)?.Value;
        if (!Users.Apply(name, user is null ? null : UserEntry.Of(user), revision) || before is null)
            return;
        var after = Users.Get(name)?.Value;
        if (after is null || after.User.Disabled || after.Stamp != before.Stamp)
        {
            RevokeSessionsOf(name);
            if (after?.User.PasswordHash != before.User.PasswordHash)
                passwords.Forget(before.User.PasswordHash);
        }
    }

    /// <summary>A put never revives a revoked session; a delete revokes it (ids are never reused).</summary>
    private void ApplySession(string id, SessionRecord? record, long revision) =>
        Sessions.Update(id, current =>
        {
            if (current?.Value is { Revoked: true })
                return null;
            if (record is null)
                return current?.Value is { } live ? new Revisioned<SessionEntry>(live with { Revoked = true }, long.MaxValue) : null;
            return current is null || current.Revision < revision ? new Revisioned<SessionEntry>(new SessionEntry(record), revision) : null;
        });

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var users = await reader.ListAsync(UserKind, null, PageRequest.All, cancellationToken);
        var keys = await reader.ListAsync(ApiKeyKind, null, PageRequest.All, cancellationToken);
        var sessions = await reader.ListAsync(AuthStoreKinds.Sessions, null, PageRequest.All, cancellationToken);
        foreach (var stored in users.Items)
            Apply(stored.Key, stored, stored.Revision);
        foreach (var stored in keys.Items)
            Apply(stored.Key, stored, stored.Revision);
        foreach (var stored in sessions.Items)
            Apply(stored.Key, stored, stored.Revision);

        // What the store no longer holds was deleted while we were not watching. Entries this backend holds
        // unconfirmed (revision 0) and tombstones stay; anything committed after the subscription arrives as a change.
        var userNames = users.Items.Select(s => s.Key.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, entry) in Users.Entries)
        {
            if (entry.Value is not null && entry.Revision > 0 && !userNames.Contains(name))
                ApplyUser(name, null, entry.Revision + 1);
        }
        var keyNames = keys.Items.Select(s => s.Key.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, entry) in ApiKeys.Entries)
        {
            if (entry.Value is not null && entry.Revision > 0 && !keyNames.Contains(name))
                ApiKeys.Remove(name, entry);
        }
        var sessionIds = sessions.Items.Select(s => s.Key.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, entry) in Sessions.Entries)
        {
            if (entry.Value is { Revoked: false } && entry.Revision > 0 && !sessionIds.Contains(id))
                ApplySession(id, null, entry.Revision + 1);
        }
        Log.ViewLoaded(logger, users.Items.Count, keys.Items.Count, sessions.Items.Count);
    }

    private User? DecodeUser(StoredResource stored)
    {
        try
        {
            var user = JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.User);
            if (user is not null)
                user.Username ??= stored.Key.Name;
            return user;
        }
        catch (JsonException ex)
        {
            Log.Undecodable(logger, stored.Key.ToString(), ex);
            return null;
        }
    }

    private string? DecodeApiKeyUser(StoredResource stored)
    {
        try
        {
            var key = JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.ApiKey);
            return string.IsNullOrEmpty(key?.Username) ? null : key.Username;
        }
        catch (JsonException ex)
        {
            Log.Undecodable(logger, stored.Key.ToString(), ex);
            return null;
        }
    }

    private SessionRecord? DecodeSession(StoredResource stored)
    {
        try
        {
            return JsonSerializer.Deserialize(stored.Json, AuthJsonContext.Default.SessionRecord);
        }
        catch (JsonException ex)
        {
            Log.Undecodable(logger, stored.Key.ToString(), ex);
            return null;
        }
    }
}
