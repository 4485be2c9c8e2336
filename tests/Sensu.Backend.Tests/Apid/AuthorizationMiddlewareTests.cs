using System.Net;
using Sensu.Backend.Tests.Authentication;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Apid;

public sealed class AuthorizationMiddlewareTests : IAsyncLifetime
{
    private AuthTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await AuthTestHost.StartAsync();
        await _host.AddUserAsync("viewer", "v1ewerPass");
        await _host.AddUserAsync("dever", "d3verPass");
        await _host.PutAsync(new ClusterRoleBinding
        {
            Metadata = new ObjectMeta { Name = "viewer" },
            RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = "view" },
            Subjects = [new Subject { Type = Subject.UserType, Name = "viewer" }],
        });
        await _host.PutAsync(new RoleBinding
        {
            Metadata = new ObjectMeta { Name = "dever", Namespace = "dev" },
            RoleRef = new RoleRef { Type = RoleRef.ClusterRoleType, Name = "edit" },
            Subjects = [new Subject { Type = Subject.UserType, Name = "dever" }],
        });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task View_user_gets_200_on_reads_and_403_code_4_on_writes()
    {
        var token = (await _host.LoginAsync("viewer", "v1ewerPass")).AccessToken;
        using var list = await _host.SendAsync(HttpMethod.Get, "/api/core/v2/namespaces/default/checks", token);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var put = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/checks/x", token, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(4, await AuthTestHost.ErrorCodeAsync(put));
    }

    [Fact]
    public async Task RoleBinding_in_dev_lets_the_user_write_in_dev_only()
    {
        var token = (await _host.LoginAsync("dever", "d3verPass")).AccessToken;
        using var dev = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/dev/checks/x", token, "{}");
        Assert.Equal(HttpStatusCode.OK, dev.StatusCode);
        using var other = await _host.SendAsync(HttpMethod.Put, "/api/core/v2/namespaces/default/checks/x", token, "{}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task Only_authorized_callers_create_api_keys()
    {
        var token = (await _host.LoginAsync("viewer", "v1ewerPass")).AccessToken;
        using var response = await _host.SendAsync(HttpMethod.Post, "/api/core/v2/apikeys", token, "{\"username\":\"viewer\"}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
