using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Login, token refresh and logout (Sensu's AuthenticationClient). Logins are throttled (<see cref="LoginThrottle"/>)
/// and their bcrypt runs on <see cref="PasswordCheckPool"/>; sessions are kept by <see cref="AuthSessions"/>.
/// </summary>
public sealed class AuthService(
    UserDirectory users,
    JwtTokenService tokens,
    AuthSessions sessions,
    LoginThrottle throttle,
    ILogger<AuthService> logger)
{
    /// <summary>Checks the credentials and opens a session: new access and refresh tokens.</summary>
    public async Task<LoginOutcome> LoginAsync(string username, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var (outcome, user) = await CheckAsync(username, password, clientAddress, cancellationToken);
        if (user is null)
            return outcome;

        // No store write is needed for the login to succeed: see AuthSessions.
        var sessionId = Guid.NewGuid().ToString();
        var access = await tokens.IssueAccessTokenAsync(username, SensuGroups.ForToken(user.User.Groups), sessionId, cancellationToken);
        var refresh = await tokens.IssueRefreshTokenAsync(username, sessionId, cancellationToken);
        await sessions.CreateAsync(sessionId, user, refresh, cancellationToken);
        await sessions.PruneExpiredAsync(cancellationToken);
        Log.LoggedIn(logger, username);
        return new LoginOutcome(LoginStatus.Succeeded, new TokenPairBody(access.Token, access.ExpiresAt.ToUnixTimeSeconds(), refresh.Token));
    }

    /// <summary><c>/auth/test</c>: the same checks and throttling as a login, without a session.</summary>
    public async Task<LoginOutcome> TestCredentialsAsync(string username, string password, string clientAddress, CancellationToken cancellationToken) =>
        (await CheckAsync(username, password, clientAddress, cancellationToken)).Outcome;

    /// <summary>
    /// New token pair for a validly signed (possibly expired) access token and the current refresh token of the
    /// same session, while the session is live (user exists, is enabled, same password). The refresh token rotates:
    /// the one presented is spent, and presenting it again ends the session (<see cref="AuthSessions.RotateAsync"/>).
    /// </summary>
    public async Task<TokenPairBody?> RefreshAsync(string accessToken, string refreshToken, CancellationToken cancellationToken)
    {
        var access = await tokens.ValidateAsync(accessToken, TokenUse.Access, cancellationToken);
        var refresh = await tokens.ValidateAsync(refreshToken, TokenUse.Refresh, cancellationToken);
        if (access is null || refresh is null || refresh.Expired || refresh.SessionId is null)
            return Refused("invalid or expired token");
        if (!string.Equals(access.Subject, refresh.Subject, StringComparison.Ordinal)
            || !string.Equals(access.SessionId, refresh.SessionId, StringComparison.Ordinal))
            return Refused("the access and refresh tokens do not belong to the same session");
        if (await sessions.FindLiveAsync(refresh.SessionId, refresh.Subject, cancellationToken) is not var (record, user))
            return Refused("the session has ended, or its user no longer exists, is disabled or has a new password");

        var next = await tokens.IssueRefreshTokenAsync(refresh.Subject, refresh.SessionId, DateTimeOffset.FromUnixTimeSeconds(record.ExpiresAt), cancellationToken);
        if (!await sessions.RotateAsync(refresh.SessionId, refresh.TokenId, next, cancellationToken))
            return Refused("the refresh token was already used; the session is ended");
        var issued = await tokens.IssueAccessTokenAsync(refresh.Subject, SensuGroups.ForToken(user.User.Groups), refresh.SessionId, cancellationToken);
        return new TokenPairBody(issued.Token, issued.ExpiresAt.ToUnixTimeSeconds(), next.Token);

        TokenPairBody? Refused(string reason)
        {
            Log.RefreshRefused(logger, reason);
            return null;
        }
    }

    /// <summary>Ends the session of a validly signed access token (expired is fine), and of the refresh token if given.</summary>
    public async Task<bool> LogoutAsync(string accessToken, string? refreshToken, CancellationToken cancellationToken)
    {
        var access = await tokens.ValidateAsync(accessToken, TokenUse.Access, cancellationToken);
        if (access is null)
            return false;
        if (access.SessionId is not null)
            await sessions.RevokeAsync(access.SessionId, cancellationToken);
        if (!string.IsNullOrEmpty(refreshToken))
        {
            var refresh = await tokens.ValidateAsync(refreshToken, TokenUse.Refresh, cancellationToken);
            if (refresh?.SessionId is { } other && other != access.SessionId && refresh.Subject == access.Subject)
                await sessions.RevokeAsync(other, cancellationToken);
        }
        Log.LoggedOut(logger, access.Subject);
        return true;
    }

    private async Task<(LoginOutcome Outcome, UserEntry? User)> CheckAsync(string username, string password, string clientAddress, CancellationToken cancellationToken)
    {
        if (throttle.RetryAfter(username, clientAddress) is { } wait)
        {
            Log.LoginThrottled(logger, username, clientAddress, wait);
            return (new LoginOutcome(LoginStatus.Throttled, RetryAfter: wait), null);
        }
        var (check, user) = await users.CheckAsync(username, password, cancellationToken);
        switch (check)
        {
            case PasswordCheck.Verified when user is not null:
                throttle.Succeeded(username);
                return (new LoginOutcome(LoginStatus.Succeeded), user);
            case PasswordCheck.Busy:
                Log.LoginBusy(logger, username);
                return (LoginOutcome.Busy, null);
            default:
                throttle.Failed(username, clientAddress);
                Log.LoginFailed(logger, username);
                return (LoginOutcome.Refused, null);
        }
    }
}
