using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Authentication;

/// <summary>Login, token refresh and logout (Sensu's AuthenticationClient). A null answer means 401.</summary>
public sealed class AuthService(UserDirectory users, JwtTokenService tokens, AuthSessions sessions, ILogger<AuthService> logger)
{
    /// <summary>Checks the credentials and opens a session: new access and refresh tokens.</summary>
    public async Task<TokenPairBody?> LoginAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await users.AuthenticateAsync(username, password, cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            Log.LoginFailed(logger, username);
            return null;
        }
        await sessions.PruneExpiredAsync(cancellationToken).ConfigureAwait(false);
        var sessionId = Guid.NewGuid().ToString();
        var access = await tokens.IssueAccessTokenAsync(username, SensuGroups.ForToken(user.Groups), sessionId, cancellationToken).ConfigureAwait(false);
        var refresh = await tokens.IssueRefreshTokenAsync(username, sessionId, cancellationToken).ConfigureAwait(false);
        await sessions.CreateAsync(sessionId, username, refresh, cancellationToken).ConfigureAwait(false);
        Log.LoggedIn(logger, username);
        return new TokenPairBody(access.Token, access.ExpiresAt.ToUnixTimeSeconds(), refresh.Token);
    }

    public async Task<bool> TestCredentialsAsync(string username, string password, CancellationToken cancellationToken) =>
        await users.AuthenticateAsync(username, password, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// New access token for a validly signed (possibly expired) access token and an unexpired refresh token of the
    /// same subject whose session is still open; the user must still exist and be enabled (groups are re-read).
    /// The refresh token is returned unchanged, like Sensu.
    /// </summary>
    public async Task<TokenPairBody?> RefreshAsync(string accessToken, string refreshToken, CancellationToken cancellationToken)
    {
        var access = await tokens.ValidateAsync(accessToken, TokenUse.Access, cancellationToken).ConfigureAwait(false);
        var refresh = await tokens.ValidateAsync(refreshToken, TokenUse.Refresh, cancellationToken).ConfigureAwait(false);
        if (access is null || refresh is null || refresh.Expired || refresh.SessionId is null)
            return Refused("invalid or expired token");
        if (!string.Equals(access.Subject, refresh.Subject, StringComparison.Ordinal))
            return Refused("the access and refresh tokens subjects do not match");
        if (!await sessions.IsActiveAsync(refresh.SessionId, refresh.Subject, refresh.TokenId, cancellationToken).ConfigureAwait(false))
            return Refused("the refresh token was revoked");
        var user = await users.FindAsync(refresh.Subject, cancellationToken).ConfigureAwait(false);
        if (user is null || user.Disabled)
            return Refused("the user does not exist or is disabled");

        var issued = await tokens.IssueAccessTokenAsync(refresh.Subject, SensuGroups.ForToken(user.Groups), refresh.SessionId, cancellationToken).ConfigureAwait(false);
        return new TokenPairBody(issued.Token, issued.ExpiresAt.ToUnixTimeSeconds(), refreshToken);

        TokenPairBody? Refused(string reason)
        {
            Log.RefreshRefused(logger, reason);
            return null;
        }
    }

    /// <summary>Closes the session of a validly signed access token (expired is fine), and of the refresh token if given.</summary>
    public async Task<bool> LogoutAsync(string accessToken, string? refreshToken, CancellationToken cancellationToken)
    {
        var access = await tokens.ValidateAsync(accessToken, TokenUse.Access, cancellationToken).ConfigureAwait(false);
        if (access is null)
            return false;
        if (access.SessionId is not null)
            await sessions.DeleteAsync(access.SessionId, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(refreshToken))
        {
            var refresh = await tokens.ValidateAsync(refreshToken, TokenUse.Refresh, cancellationToken).ConfigureAwait(false);
            if (refresh?.SessionId is { } other && other != access.SessionId && refresh.Subject == access.Subject)
                await sessions.DeleteAsync(other, cancellationToken).ConfigureAwait(false);
        }
        Log.LoggedOut(logger, access.Subject);
        return true;
    }
}
