using System.Text.Json;
using Sensu.Store;

namespace Sensu.Backend.Authentication;

/// <summary>Login sessions in the store, shared by every backend: logout deletes one, which revokes its refresh token.</summary>
public sealed class AuthSessions(IResourceReader reader, IResourceWriter writer, TimeProvider time)
{
    public async Task CreateAsync(string sessionId, string username, IssuedToken refresh, CancellationToken cancellationToken)
    {
        var record = new SessionRecord(username, refresh.TokenId, refresh.ExpiresAt.ToUnixTimeSeconds());
        var json = JsonSerializer.Serialize(record, AuthJsonContext.Default.SessionRecord);
        await writer.PutAsync(new ResourceWrite(KeyOf(sessionId), AuthStoreKinds.SessionType, json), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the session exists, belongs to <paramref name="username"/> and was opened with that refresh token.</summary>
    public async Task<bool> IsActiveAsync(string sessionId, string username, string refreshTokenId, CancellationToken cancellationToken)
    {
        var stored = await reader.GetAsync(KeyOf(sessionId), cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return false;
        var record = JsonSerializer.Deserialize(stored.Json, AuthJsonContext.Default.SessionRecord);
        return record is not null
            && string.Equals(record.Username, username, StringComparison.Ordinal)
            && string.Equals(record.RefreshTokenId, refreshTokenId, StringComparison.Ordinal);
    }

    /// <summary>Deletes sessions whose refresh token has expired (called at login, so the table stays small); returns how many.</summary>
    public async Task<int> PruneExpiredAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var page = await reader.ListAsync(AuthStoreKinds.Sessions, null, PageRequest.All, cancellationToken).ConfigureAwait(false);
        var pruned = 0;
        foreach (var stored in page.Items)
        {
            var record = JsonSerializer.Deserialize(stored.Json, AuthJsonContext.Default.SessionRecord);
            if ((record is null || record.ExpiresAt <= now) && await writer.DeleteAsync(stored.Key, cancellationToken).ConfigureAwait(false))
                pruned++;
        }
        return pruned;
    }

    public Task<bool> DeleteAsync(string sessionId, CancellationToken cancellationToken) =>
        writer.DeleteAsync(KeyOf(sessionId), cancellationToken);

    private static ResourceKey KeyOf(string sessionId) => ResourceKey.Cluster(AuthStoreKinds.Sessions, sessionId);
}
