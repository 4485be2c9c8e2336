using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Sensu.Backend.Dashboard.Auth;

namespace Sensu.Backend.Dashboard;

/// <summary>
/// The signed-in user of one page (one circuit). Every read and action asks for it again, so a session ended
/// elsewhere (sign-out in another tab, logout, password change, user disabled) stops an open page at its next step.
/// </summary>
public sealed class DashboardUser(AuthenticationStateProvider state, DashboardAuth auth)
{
    /// <summary>The user while their session is live; null once it has ended.</summary>
    public async Task<ClaimsPrincipal?> CurrentAsync(CancellationToken cancellationToken)
    {
        var principal = (await state.GetAuthenticationStateAsync()).User;
        return principal.FindFirst(DashboardAuth.SessionClaim)?.Value is { } digest
            ? await auth.PrincipalAsync(digest, cancellationToken)
            : null;
    }
}
