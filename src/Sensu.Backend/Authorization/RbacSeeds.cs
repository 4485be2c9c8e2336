using Sensu.Backend.Authentication;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authorization;

/// <summary>
/// What <c>sensu-backend init</c> creates (core-spec §9.4, Sensu's backend/seeds): the default cluster roles and
/// bindings, the admin user and the <c>agent</c> user. The <c>default</c> namespace is the caller's.
/// <para>
/// Secrets (our reading of Sensu's RBAC docs: <c>secrets</c> is a namespaced type, <c>providers</c> cluster-wide,
/// and the docs advise managing secrets as an admin): <c>cluster-admin</c> covers everything through <c>*</c>;
/// <c>admin</c> ("full access to all resource types" in a namespace) adds <c>secrets</c>; <c>edit</c> and
/// <c>view</c> get no access to secrets. Providers stay with <c>cluster-admin</c>. <c>pipelines</c> (6.x) is part
/// of the common resources.
/// </para>
/// </summary>
public static class RbacSeeds
{
    public const string AgentUsername = "agent";
    public const string AgentPassword = "P@ssw0rd!";

    /// <summary>Sensu's CommonCoreResources, plus pipelines.</summary>
    public static IReadOnlyList<string> CommonCoreResources { get; } =
        ["assets", "checks", "entities", "events", "filters", "handlers", "hooks", "mutators", "pipelines", "silenced"];

    public static IReadOnlyList<ClusterRole> ClusterRoles() =>
    [
        ClusterRole("cluster-admin", Rule([RbacRule.All], [RbacRule.All])),
        ClusterRole("admin",
            Rule([RbacRule.All], [.. CommonCoreResources, "roles", "rolebindings", "secrets"]),
            Rule([RbacVerbs.Get, RbacVerbs.List], [RbacVerbs.Namespaces])),
        ClusterRole("edit",
            Rule([RbacRule.All], [.. CommonCoreResources]),
            Rule([RbacVerbs.Get, RbacVerbs.List], [RbacVerbs.Namespaces])),
        ClusterRole("view", Rule([RbacVerbs.Get, RbacVerbs.List], [.. CommonCoreResources, RbacVerbs.Namespaces])),
        ClusterRole("system:agent", Rule([RbacRule.All], [RbacVerbs.Events])),
        ClusterRole("system:user", Rule([RbacVerbs.Get, RbacVerbs.Update], [RbacVerbs.LocalSelfUser])),
    ];

    public static IReadOnlyList<ClusterRoleBinding> ClusterRoleBindings() =>
    [
        Binding("cluster-admin", SensuGroups.ClusterAdmins),
        Binding("system:agent", SensuGroups.SystemAgents),
        Binding("system:user", SensuGroups.SystemUsers),
    ];

    /// <summary>The cluster admin (group <c>cluster-admins</c>) and the <c>agent</c> user (group <c>system:agents</c>), passwords hashed.</summary>
    public static IReadOnlyList<User> Users(string adminUsername, string adminPassword) =>
    [
        NewUser(adminUsername, adminPassword, SensuGroups.ClusterAdmins),
        NewUser(AgentUsername, AgentPassword, SensuGroups.SystemAgents),
    ];

    /// <summary>Every seed resource in creation order: cluster roles, bindings, users.</summary>
    public static IReadOnlyList<IResource> All(string adminUsername, string adminPassword) =>
        [.. ClusterRoles(), .. ClusterRoleBindings(), .. Users(adminUsername, adminPassword)];

    /// <summary>The API key <c>init --cluster-admin-api-key</c> creates for the admin user.</summary>
    public static ApiKey AdminApiKey(string key, string adminUsername, DateTimeOffset createdAt)
    {
        if (!Guid.TryParse(key, out _))
            throw new Core.Validation.ResourceValidationException("the cluster admin API key must be a UUID");
        return new ApiKey { Metadata = new ObjectMeta { Name = key }, Username = adminUsername, CreatedAt = createdAt.ToUnixTimeSeconds() };
    }

    private static User NewUser(string username, string password, string group)
    {
        var user = new User { Username = username, Password = password, Groups = [group] };
        user.Validate();
        user.ValidatePassword();
        user.PasswordHash = PasswordHasher.Hash(password);
        user.Password = null;
        return user;
    }

    private static ClusterRole ClusterRole(string name, params RbacRule[] rules) =>
        new() { Metadata = new ObjectMeta { Name = name }, Rules = [.. rules] };

    private static RbacRule Rule(List<string> verbs, List<string> resources) =>
        new() { Verbs = verbs, Resources = resources, ResourceNames = [] };

    private static ClusterRoleBinding Binding(string name, string group) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = name },
        Subjects = [new Subject { Type = Subject.GroupType, Name = group }],
    };
}
