namespace Sensu.Backend.Authentication;

/// <summary>Group names the backend itself relies on.</summary>
public static class SensuGroups
{
    /// <summary>Added to every authenticated local user (grants <c>localselfuser</c> through the <c>system:user</c> binding).</summary>
    public const string SystemUsers = "system:users";

    public const string ClusterAdmins = "cluster-admins";

    public const string SystemAgents = "system:agents";

    /// <summary>The user's own groups plus <see cref="SystemUsers"/>, as Sensu puts them in tokens.</summary>
    public static IReadOnlyList<string> ForToken(IEnumerable<string>? userGroups)
    {
        var groups = new List<string>();
        if (userGroups is not null)
            groups.AddRange(userGroups);
        if (!groups.Contains(SystemUsers, StringComparer.Ordinal))
            groups.Add(SystemUsers);
        return groups;
    }
}
