using System.Security.Claims;
using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Backend.Apid;

/// <summary>Turns a resource into what the API returns, through the output filters of its type.</summary>
public sealed class ResourcePresenter(IEnumerable<IResourceOutputFilter> filters)
{
    private readonly IResourceOutputFilter[] _filters = filters.ToArray();

    public async ValueTask<JsonNode> PresentAsync(IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var type = ResourceRegistry.For(resource);
        foreach (var filter in _filters)
        {
            if (filter.AppliesTo(type))
                resource = await filter.FilterAsync(type, resource, user, cancellationToken).ConfigureAwait(false);
        }
        return ResourceBodies.Encode(resource);
    }
}
