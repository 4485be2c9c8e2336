using System.Security.Claims;
using Sensu.Backend.Authentication;

namespace Sensu.Backend.Authorization;

/// <summary>The caller as RBAC sees it: a username and its groups.</summary>
public sealed record RbacUser(string Username, IReadOnlyList<string> Groups)
{
    /// <summary>The authenticated caller of a request; null when anonymous.</summary>
    public static RbacUser? From(ClaimsPrincipal? principal) =>
        SensuPrincipal.Username(principal) is { } name ? new RbacUser(name, SensuPrincipal.Groups(principal)) : null;
}
