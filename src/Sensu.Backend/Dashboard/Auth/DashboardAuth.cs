using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Authentication;

namespace Sensu.Backend.Dashboard.Auth;

/// <summary>
/// Sign-in, sign-out and "who is this browser" for the dashboard, on the API's own rules: <see cref="AuthService"/>
/// checks the credentials (with its throttling) and opens the login session; a browser is signed in only while that
/// session is live (<see cref="AuthSessions.FindLiveAsync"/>: not logged out, not past its end, user enabled, same
/// password); sign-out ends it as <c>/auth/logout</c> does.
/// </summary>
public sealed class DashboardAuth(AuthService auth, JwtTokenService tokens, AuthSessions sessions, DashboardSessions browsers, ILogger<DashboardAuth> logger)
{
    public const string CookieName = "sensu_dashboard";
    public const string SessionClaim = "sensu_dashboard_session";

    /// <summary>Checks the credentials; on success the outcome comes with the reference to put in the cookie.</summary>
    public async Task<(LoginOutcome Outcome, string? Reference)> SignInAsync(string username, string password, string clientAddress, CancellationToken cancellationToken)
    {
        var outcome = await auth.LoginAsync(username, password, clientAddress, cancellationToken);
        if (outcome is not { Status: LoginStatus.Succeeded, Tokens: { } pair })
            return (outcome, null);
        var claims = await tokens.ValidateAsync(pair.AccessToken, TokenUse.Access, cancellationToken);
        if (claims?.SessionId is not { } sessionId)
            return (LoginOutcome.Refused, null);
        var reference = browsers.Open(new DashboardSession(claims.Subject, sessionId, pair.AccessToken, pair.RefreshToken));
        Log.SignedIn(logger, claims.Subject);
        return (outcome, reference);
    }

    /// <summary>The principal of a cookie's reference while its login session is live; null otherwise.</summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string? reference, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        return await PrincipalAsync(DashboardSessions.Digest(reference), cancellationToken);
    }

    /// <summary>The principal of a session digest (as a principal carries it) while its login session is live.</summary>
    public async Task<ClaimsPrincipal?> PrincipalAsync(string digest, CancellationToken cancellationToken)
    {
        if (browsers.FindByDigest(digest) is not { } session)
            return null;
        if (await sessions.FindLiveAsync(session.AuthSessionId, session.Username, cancellationToken) is not var (_, user))
        {
            browsers.RemoveDigest(digest);
            return null;
        }
        var principal = SensuPrincipal.Create(session.Username, SensuGroups.ForToken(user.User.Groups), CookieName);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionClaim, digest));
        return principal;
    }

    /// <summary>Ends the browser's login session (revoked as <c>/auth/logout</c> revokes it) and forgets the reference.</summary>
    public async Task SignOutAsync(string? reference, CancellationToken cancellationToken)
    {
        if (browsers.Remove(reference) is not { } session)
            return;
        await auth.LogoutAsync(session.AccessToken, session.RefreshToken, cancellationToken);
        await sessions.RevokeAsync(session.AuthSessionId, cancellationToken);
        Log.SignedOut(logger, session.Username);
    }
}
