using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Selectors;

namespace Sensu.Backend.Apid;

/// <summary>Turns a resource into what the API returns, through the output filters of its type.</summary>
public sealed class ResourcePresenter(IEnumerable<IResourceOutputFilter> filters)
{
    private readonly IResourceOutputFilter[] _filters = filters.ToArray();

    /// <summary>The API form of a resource, or null when the caller may not see it.</summary>
    public async ValueTask<JsonNode?> PresentAsync(IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await FilterAsync(resource, user, cancellationToken) is { } shown ? ResourceBodies.Encode(shown) : null;

    /// <summary>Writes the API form of a resource, or nothing when the caller may not see it.</summary>
    public ValueTask WriteAsync(IResource resource, ClaimsPrincipal user, Utf8JsonWriter writer, CancellationToken cancellationToken) =>
        WriteAsync(resource, user, Selector.Empty, writer, cancellationToken);

    /// <summary>
    /// Writes the API form of a resource when the caller may see it and <paramref name="selector"/> selects it. The
    /// selector sees the filtered form (redacted labels stay redacted), so it cannot be used to probe hidden values.
    /// </summary>
    public async ValueTask WriteAsync(IResource resource, ClaimsPrincipal user, Selector selector, Utf8JsonWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(selector);
        if (await FilterAsync(resource, user, cancellationToken) is { } shown && selector.Matches(shown))
            ResourceBodies.Encode(shown).WriteTo(writer);
    }

    /// <summary>Whether <see cref="WriteAsync(IResource, ClaimsPrincipal, Selector, Utf8JsonWriter, CancellationToken)"/> would write the resource.</summary>
    public async ValueTask<bool> SelectsAsync(IResource resource, ClaimsPrincipal user, Selector selector, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return await FilterAsync(resource, user, cancellationToken) is { } shown && selector.Matches(shown);
    }

    private async ValueTask<IResource?> FilterAsync(IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var type = ResourceRegistry.For(resource);
        IResource? shown = resource;
        foreach (var filter in _filters)
        {
            if (shown is not null && filter.AppliesTo(type))
                shown = await filter.FilterAsync(type, shown, user, cancellationToken);
        }
        return shown;
    }
}
