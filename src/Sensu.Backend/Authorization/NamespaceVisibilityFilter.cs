using System.Security.Claims;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Authorization;

/// <summary>Namespace lists show only the namespaces the caller can access, as Sensu's do.</summary>
public sealed class NamespaceVisibilityFilter(IAuthorizer authorizer) : IResourceOutputFilter
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(Namespace);

    public async ValueTask<IResource?> FilterAsync(ResourceType type, IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (RbacUser.From(user) is not { } caller || resource.Metadata.Name is not { } name)
            return null;
        var visible = await authorizer.VisibleNamespacesAsync(caller, [name], cancellationToken);
        return visible.Count > 0 ? resource : null;
    }
}
