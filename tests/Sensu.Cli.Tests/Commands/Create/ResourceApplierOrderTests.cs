using Sensu.Cli.Commands.Create;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Tests.Commands.Create;

public sealed class ResourceApplierOrderTests
{
    private const string Batch = """
        type: User
        api_version: core/v2
        spec: {username: admin, password_hash: "$2a$10$abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDE", groups: [cluster-admins]}
        ---
        type: Namespace
        api_version: core/v2
        spec: {name: ops}
        ---
        type: User
        api_version: core/v2
        spec: {username: agent, password_hash: "$2a$10$abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDE", groups: [system:agents]}
        """;

    [Fact]
    public void The_signed_in_users_own_user_is_written_last_and_the_rest_keep_their_order()
    {
        var resources = WrappedDecoder.DecodeAll(Batch).Resources;

        var ordered = ResourceApplier.OwnUserLast(resources, "admin");

        Assert.Equal([1, 2, 0], ordered.Select(r => r.Index));
        Assert.Same(resources, ResourceApplier.OwnUserLast(resources, "someone-else"));
        Assert.Same(resources, ResourceApplier.OwnUserLast(resources, null));
    }
}
