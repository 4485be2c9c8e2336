using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Store;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Login sessions. A token is honoured only while its session is live in <see cref="AuthStateView"/>: not revoked,
/// not past its end, and its user exists, is enabled and still has the password the session was opened with.
/// <para>
/// Where the truth lives: sessions are stored (kind <see cref="AuthStoreKinds.Sessions"/>) so that every backend
/// sharing the store follows them through its change feed, and every change made here is applied to this backend's
/// view first, so this backend is consistent at once. Store writes are best-effort: when the store refuses writes
/// (disk full, lost connection) a login still succeeds and its session lives in this backend's view only (other
/// backends refuse its tokens until a later write, e.g. the next refresh, reaches the store); a logout or revocation
/// still takes effect here at once. We chose this over failing logins because a full disk must not lock every
/// operator out of the backend that reports it.
/// </para>
/// <para>
/// Refresh tokens rotate: the session keeps the id of its one current refresh token. Presenting any other token of
/// the session (an older one, used a second time) revokes the session, and with it every token issued from it.
/// Between backends, a rotation replaces the stored record only at the revision this backend last saw, so two
/// backends accepting the same refresh token at once end the session too.
/// </para>
/// </summary>
public sealed class AuthSessions(AuthStateView view, IResourceReader reader, IResourceWriter writer, TimeProvider time, ILogger<AuthSessions> logger)
{
    private static readonly TimeSpan PruneInterval = TimeSpan.FromMinutes(1);
    private long _lastPrune = long.MinValue;

    /// <summary>Opens a session for <paramref name="user"/>'s current password, with <paramref name="refresh"/> as its refresh token.</summary>
    public async Task CreateAsync(string sessionId, UserEntry user, IssuedToken refresh, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var record = new SessionRecord(user.User.Username ?? string.Empty, refresh.TokenId, refresh.ExpiresAt.ToUnixTimeSeconds(), user.Stamp);
        view.Sessions.Update(sessionId, current => current is null ? new Revisioned<SessionEntry>(new SessionEntry(record), 0) : null);
        await PersistAsync(sessionId, record, 0, cancellationToken);
    }

    /// <summary>Whether tokens of this session, issued to <paramref name="username"/>, may be honoured now.</summary>
    public async ValueTask<bool> IsLiveAsync(string? sessionId, string username, CancellationToken cancellationToken) =>
        sessionId is not null && await FindLiveAsync(sessionId, username, cancellationToken) is not null;

    /// <summary>
    /// Makes <paramref name="next"/> the session's refresh token if <paramref name="presentedTokenId"/> is its current
    /// one. Otherwise the presented token was used before (or raced another use): the session is revoked. False means 401.
    /// </summary>
    public async Task<bool> RotateAsync(string sessionId, string presentedTokenId, IssuedToken next, CancellationToken cancellationToken)
    {
        var entry = view.Sessions.Get(sessionId);
        if (entry?.Value is not { Revoked: false } live)
            return false;
        if (!string.Equals(live.Record.RefreshTokenId, presentedTokenId, StringComparison.Ordinal))
        {
            Log.RefreshReused(logger, live.Record.Username);
            await RevokeAsync(sessionId, cancellationToken);
            return false;
        }
        var rotated = live.Record with { RefreshTokenId = next.TokenId };
        if (!view.Sessions.Update(sessionId, current => current == entry ? new Revisioned<SessionEntry>(new SessionEntry(rotated), entry.Revision) : null))
        {
            Log.RefreshReused(logger, live.Record.Username);
            await RevokeAsync(sessionId, cancellationToken);
            return false;
        }
        try
        {
            await PersistAsync(sessionId, rotated, entry.Revision, cancellationToken);
        }
        catch (ResourceNotFoundException)
        {
            // Another backend rotated or ended this session after our last sight of it: same as a reuse.
            Log.RefreshReused(logger, live.Record.Username);
            await RevokeAsync(sessionId, cancellationToken);
            return false;
        }
        return true;
    }

    /// <summary>Ends one session (logout, refresh token reuse): refused here at once, then deleted from the store (best-effort).</summary>
    public async Task RevokeAsync(string sessionId, CancellationToken cancellationToken)
    {
        view.Sessions.Update(sessionId, current => current?.Value is { Revoked: false } live
            ? new Revisioned<SessionEntry>(live with { Revoked = true }, long.MaxValue)
            : null);
        await DeleteAsync(sessionId, cancellationToken);
    }

    /// <summary>Ends every session of a user (password change, disable, delete).</summary>
    public async Task RevokeUserAsync(string username, CancellationToken cancellationToken)
    {
        var revoked = view.RevokeSessionsOf(username);
        if (revoked.Count > 0)
            Log.SessionsRevoked(logger, username, revoked.Count);
        foreach (var id in revoked)
            await DeleteAsync(id, cancellationToken);
    }

    /// <summary>Forgets sessions past their end, at most once a minute; their tokens are expired anyway.</summary>
    public async Task PruneExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _lastPrune);
        if (last != long.MinValue && time.GetElapsedTime(last, now) < PruneInterval)
            return;
        if (Interlocked.CompareExchange(ref _lastPrune, now, last) != last)
            return;
        foreach (var id in view.PruneExpired())
            await DeleteAsync(id, cancellationToken);
    }

    /// <summary>
    /// The session and its user when the session is live: not revoked, not past its end, of <paramref name="username"/>,
    /// whose user exists, is enabled and has the password the session was opened with. Answered from the view.
    /// </summary>
    public async ValueTask<(SessionRecord Record, UserEntry User)?> FindLiveAsync(string sessionId, string username, CancellationToken cancellationToken)
    {
        await view.WaitReadyAsync(cancellationToken);
        var entry = view.Sessions.Get(sessionId);
        if (entry is null)
        {
            // Never heard of: perhaps opened on another backend a moment ago. Only validly signed tokens get here.
            var stored = await TryReadAsync(KeyOf(sessionId), cancellationToken);
            if (stored is not null && Decode(stored) is { } record)
                view.Sessions.Apply(sessionId, new SessionEntry(record), stored.Revision);
            entry = view.Sessions.Get(sessionId);
        }
        if (entry?.Value is not { Revoked: false } session
            || !string.Equals(session.Record.Username, username, StringComparison.Ordinal)
            || session.Record.ExpiresAt <= time.GetUtcNow().ToUnixTimeSeconds())
            return null;
        var user = view.Users.Get(username);
        if (user is null)
        {
            var stored = await TryReadAsync(UserDirectory.UserKey(username), cancellationToken);
            view.ObserveUser(username, stored);
            user = view.Users.Get(username);
        }
        if (user?.Value is not { User.Disabled: false } live || !string.Equals(live.Stamp, session.Record.Stamp, StringComparison.Ordinal))
            return null;
        return (session.Record, live);
    }

    private async Task<StoredResource?> TryReadAsync(ResourceKey key, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.GetAsync(key, cancellationToken);
        }
        catch (StoreException ex)
        {
            Log.SessionStoreFailed(logger, "read", key.Name, ex);
            return null;
        }
    }

    /// <summary>Writes the record (a replace at <paramref name="revision"/> when the store has it); on success the view learns the revision.</summary>
    private async Task PersistAsync(string sessionId, SessionRecord record, long revision, CancellationToken cancellationToken)
    {
        var write = new ResourceWrite(KeyOf(sessionId), AuthStoreKinds.SessionType, JsonSerializer.Serialize(record, AuthJsonContext.Default.SessionRecord));
        long stored;
        try
        {
            stored = revision > 0
                ? (await writer.ReplaceAsync(write, revision, cancellationToken)).Revision
                : (await writer.PutAsync(write, cancellationToken)).Resource.Revision;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not ResourceNotFoundException)
        {
            // Any store failure (StoreUnavailableException, disk full, I/O): the view here stays authoritative.
            Log.SessionStoreFailed(logger, "write", sessionId, ex);
            return;
        }
        var expected = new SessionEntry(record);
        view.Sessions.Update(sessionId, current => current is not null && current.Value == expected && current.Revision < stored
            ? new Revisioned<SessionEntry>(expected, stored)
            : null);
    }

    private async Task DeleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        try
        {
            await writer.DeleteAsync(KeyOf(sessionId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SessionStoreFailed(logger, "delete", sessionId, ex);
        }
    }

    private static SessionRecord? Decode(StoredResource stored)
    {
        try
        {
            return JsonSerializer.Deserialize(stored.Json, AuthJsonContext.Default.SessionRecord);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static ResourceKey KeyOf(string sessionId) => ResourceKey.Cluster(AuthStoreKinds.Sessions, sessionId);
}
