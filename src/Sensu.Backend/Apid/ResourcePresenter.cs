using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Backend.Apid;

/// <summary>Turns a resource into what the API returns, through the output filters of its type.</summary>
public sealed class ResourcePresenter(IEnumerable<IResourceOutputFilter> filters)
{
    private readonly IResourceOutputFilter[] _filters = filters.ToArray();

    /// <summary>The API form of a resource, or null when the caller may not see it.</summary>
    public async ValueTask<JsonNode?> PresentAsync(IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var type = ResourceRegistry.For(resource);
        IResource? shown = resource;
        foreach (var filter in _filters)
        {
            if (shown is not null && filter.AppliesTo(type))
                shown = await filter.FilterAsync(type, shown, user, cancellationToken).ConfigureAwait(false);
        }
        return shown is null ? null : ResourceBodies.Encode(shown);
    }

    /// <summary>Writes the API form of a resource, or nothing when the caller may not see it.</summary>
    public async ValueTask WriteAsync(IResource resource, ClaimsPrincipal user, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (await PresentAsync(resource, user, cancellationToken).ConfigureAwait(false) is { } shown)
            shown.WriteTo(writer);
    }
}
