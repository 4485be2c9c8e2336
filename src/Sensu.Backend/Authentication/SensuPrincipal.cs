using System.Security.Claims;

namespace Sensu.Backend.Authentication;

/// <summary>The caller as <see cref="HttpContext.User"/> carries it: name = username, one <c>groups</c> claim per group.</summary>
public static class SensuPrincipal
{
    public const string GroupClaim = "groups";
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "Key";

    public static ClaimsPrincipal Create(string username, IEnumerable<string> groups, string authenticationType)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, username) };
        claims.AddRange(groups.Select(g => new Claim(GroupClaim, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, GroupClaim));
    }

    /// <summary>The authenticated username, or null for an anonymous caller.</summary>
    public static string? Username(ClaimsPrincipal? principal) =>
        principal?.Identity is { IsAuthenticated: true } identity ? identity.Name : null;

    public static IReadOnlyList<string> Groups(ClaimsPrincipal? principal) =>
        principal?.FindAll(GroupClaim).Select(c => c.Value).ToList() ?? [];
}
