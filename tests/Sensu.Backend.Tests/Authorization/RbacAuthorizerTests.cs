using Microsoft.Extensions.Logging.Abstractions;
using Sensu.Backend.Apid;
using Sensu.Backend.Authorization;
using Sensu.Backend.Resources;
using Sensu.Backend.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Authorization;

public sealed class RbacAuthorizerTests : IDisposable
{
    private readonly SqliteTestStore _store = new();

    public void Dispose() => _store.Dispose();
    private readonly RbacAuthorizer _authorizer;

    public RbacAuthorizerTests()
    {
        _authorizer = new RbacAuthorizer(new StoreRbacRuleSource(_store), NullLogger<RbacAuthorizer>.Instance);
    }

    private static RbacUser Alice(params string[] groups) => new("alice", [.. groups, "system:users"]);

    [Fact]
    public async Task Cluster_admins_group_may_do_anything()
    {
        await SeedAsync();
        var admin = new RbacUser("admin", ["cluster-admins", "system:users"]);
        Assert.True(await AllowedAsync(admin, "DELETE", "/api/core/v2/namespaces/dev/checks/cpu"));
        Assert.True(await AllowedAsync(admin, "PUT", "/api/core/v2/users/bob"));
        Assert.True(await AllowedAsync(admin, "PUT", "/api/enterprise/secrets/v1/providers/vault"));
    }

    [Fact]
    public async Task View_user_reads_but_cannot_write()
    {
        await SeedAsync();
        await PutAsync(ClusterBinding("alice-view", "view", Subject.UserType, "alice"));
        Assert.True(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default/checks"));
        Assert.True(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default/checks/cpu"));
        Assert.False(await AllowedAsync(Alice(), "PUT", "/api/core/v2/namespaces/default/checks/x"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default/roles"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/enterprise/secrets/v1/namespaces/default/secrets"));
    }

    [Fact]
    public async Task RoleBinding_to_edit_in_dev_allows_dev_only()
    {
        await SeedAsync();
        await PutAsync(new RoleBinding
        {
            Metadata = new ObjectMeta { Name = "alice-edit", Namespace = "dev" },
            RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = "edit" },
            Subjects = [new Subject { Type = Subject.UserType, Name = "alice" }],
        });
        Assert.True(await AllowedAsync(Alice(), "PUT", "/api/core/v2/namespaces/dev/checks/x"));
        Assert.False(await AllowedAsync(Alice(), "PUT", "/api/core/v2/namespaces/default/checks/x"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/checks"));
        Assert.False(await AllowedAsync(Alice(), "PUT", "/api/core/v2/namespaces/dev/roles/r"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/users"));
        Assert.True(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/dev"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default"));
    }

    [Fact]
    public async Task Resource_names_restrict_a_rule()
    {
        await SeedAsync();
        await PutAsync(new Role
        {
            Metadata = new ObjectMeta { Name = "cpu-only", Namespace = "default" },
            Rules = [new RbacRule { Verbs = ["get", "update"], Resources = ["checks"], ResourceNames = ["cpu"] }],
        });
        await PutAsync(new RoleBinding
        {
            Metadata = new ObjectMeta { Name = "cpu-only", Namespace = "default" },
            RoleRef = new RoleRef { Type = RoleRef.RoleType, Name = "cpu-only" },
            Subjects = [new Subject { Type = Subject.UserType, Name = "alice" }],
        });
        Assert.True(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default/checks/cpu"));
        Assert.True(await AllowedAsync(Alice(), "PUT", "/api/core/v2/namespaces/default/checks/cpu"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default/checks/mem"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default/checks"));
        Assert.False(await AllowedAsync(Alice(), "DELETE", "/api/core/v2/namespaces/default/checks/cpu"));
    }

    [Fact]
    public async Task Groups_grant_through_bindings()
    {
        await SeedAsync();
        await PutAsync(ClusterBinding("ops-view", "view", Subject.GroupType, "ops"));
        Assert.True(await AllowedAsync(Alice("ops"), "GET", "/api/core/v2/namespaces/default/events"));
        Assert.False(await AllowedAsync(Alice("dev"), "GET", "/api/core/v2/namespaces/default/events"));
    }

    [Fact]
    public async Task Users_may_read_themselves_and_change_their_own_password_only()
    {
        await SeedAsync();
        Assert.True(await AllowedAsync(Alice(), "GET", "/api/core/v2/users/alice"));
        Assert.True(await AllowedAsync(Alice(), "PUT", "/api/core/v2/users/alice/password"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/users/bob"));
        Assert.False(await AllowedAsync(Alice(), "PUT", "/api/core/v2/users/bob/password"));
        Assert.False(await AllowedAsync(Alice(), "PUT", "/api/core/v2/users/alice"));
        Assert.False(await AllowedAsync(Alice(), "PUT", "/api/core/v2/users/alice/groups/cluster-admins"));
    }

    [Fact]
    public async Task Agents_may_write_events_anywhere_but_nothing_else()
    {
        await SeedAsync();
        var agent = new RbacUser("agent", ["system:agents", "system:users"]);
        Assert.True(await AllowedAsync(agent, "PUT", "/api/core/v2/namespaces/dev/events/web1/cpu"));
        Assert.False(await AllowedAsync(agent, "GET", "/api/core/v2/namespaces/dev/checks"));
    }

    [Fact]
    public async Task Admin_role_covers_secrets_but_edit_and_view_do_not()
    {
        await SeedAsync();
        foreach (var (role, expected) in new[] { ("admin", true), ("edit", false), ("view", false) })
        {
            await PutAsync(new RoleBinding
            {
                Metadata = new ObjectMeta { Name = "b", Namespace = "dev" },
                RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = role },
                Subjects = [new Subject { Type = Subject.UserType, Name = "alice" }],
            });
            Assert.Equal(expected, await AllowedAsync(Alice(), "GET", "/api/enterprise/secrets/v1/namespaces/dev/secrets/pd"));
            Assert.False(await AllowedAsync(Alice(), "GET", "/api/enterprise/secrets/v1/providers"));
        }
    }

    [Fact]
    public async Task Wildcard_in_a_Role_covers_namespaced_types_only()
    {
        await SeedAsync();
        await PutAsync(new Role
        {
            Metadata = new ObjectMeta { Name = "dev-admin", Namespace = "dev" },
            Rules = [new RbacRule { Verbs = ["*"], Resources = ["*"] }],
        });
        await PutAsync(new RoleBinding
        {
            Metadata = new ObjectMeta { Name = "dev-admin", Namespace = "dev" },
            RoleRef = new RoleRef { Type = RoleRef.RoleType, Name = "dev-admin" },
            Subjects = [new Subject { Type = Subject.UserType, Name = "alice" }],
        });
        Assert.True(await AllowedAsync(Alice(), "DELETE", "/api/core/v2/namespaces/dev/checks/cpu"));
        Assert.False(await AllowedAsync(Alice(), "DELETE", "/api/core/v2/namespaces/dev"));

        // The cluster-admin ClusterRole bound in a namespace covers the namespace itself (Sensu's seeds comment).
        await PutAsync(new RoleBinding
        {
            Metadata = new ObjectMeta { Name = "dev-cluster-admin", Namespace = "dev" },
            RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = "cluster-admin" },
            Subjects = [new Subject { Type = Subject.UserType, Name = "alice" }],
        });
        Assert.True(await AllowedAsync(Alice(), "DELETE", "/api/core/v2/namespaces/dev"));
        Assert.False(await AllowedAsync(Alice(), "DELETE", "/api/core/v2/namespaces/default"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/users"));
    }

    [Fact]
    public async Task Missing_role_grants_nothing()
    {
        await SeedAsync();
        await PutAsync(ClusterBinding("dangling", "no-such-role", Subject.UserType, "alice"));
        Assert.False(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces/default/checks"));
    }

    [Fact]
    public async Task Visible_namespaces_follow_bindings()
    {
        await SeedAsync();
        string[] all = ["default", "dev"];
        Assert.Empty(await _authorizer.VisibleNamespacesAsync(Alice(), all, CancellationToken.None));
        Assert.Equal(all, await _authorizer.VisibleNamespacesAsync(new RbacUser("admin", ["cluster-admins"]), all, CancellationToken.None));

        await PutAsync(new RoleBinding
        {
            Metadata = new ObjectMeta { Name = "alice-view", Namespace = "dev" },
            RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = "view" },
            Subjects = [new Subject { Type = Subject.UserType, Name = "alice" }],
        });
        Assert.Equal(["dev"], await _authorizer.VisibleNamespacesAsync(Alice(), all, CancellationToken.None));
        Assert.True(await AllowedAsync(Alice(), "GET", "/api/core/v2/namespaces"));
    }

    private async Task<bool> AllowedAsync(RbacUser user, string method, string path) =>
        await _authorizer.AuthorizeAsync(user, RequestAttributesParser.Parse(method, path, user.Username)!, CancellationToken.None);

    private async Task SeedAsync()
    {
        await PutAsync(new Namespace("default"));
        await PutAsync(new Namespace("dev"));
        foreach (var role in RbacSeeds.ClusterRoles())
            await PutAsync(role);
        foreach (var binding in RbacSeeds.ClusterRoleBindings())
            await PutAsync(binding);
    }

    private Task PutAsync(IResource resource) =>
        _store.PutAsync(ResourceService.ToWrite(ResourceRegistry.For(resource), resource), CancellationToken.None);

    private static ClusterRoleBinding ClusterBinding(string name, string role, string subjectType, string subject) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = role },
        Subjects = [new Subject { Type = subjectType, Name = subject }],
    };
}
