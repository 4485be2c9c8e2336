using System.Security.Claims;
using Sensu.Core.Meta;
using Sensu.Core.Registry;

namespace Sensu.Backend.Resources;

/// <summary>Type-specific changes before a resource leaves the API (drop a password hash, redact a token).</summary>
public interface IResourceOutputFilter
{
    bool AppliesTo(ResourceType type);

    /// <summary>
    /// Returns the resource to send (a modified copy, never the cached instance modified in place), or null when
    /// the caller may not see it at all (then a list skips it and a single GET answers 404).
    /// </summary>
    ValueTask<IResource?> FilterAsync(ResourceType type, IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken);
}
