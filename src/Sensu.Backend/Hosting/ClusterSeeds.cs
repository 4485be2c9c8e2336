using Sensu.Backend.Authorization;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Hosting;

/// <summary>The seeds of <c>init</c>: RBAC roles and bindings, admin and agent users, and the admin's API key when given.</summary>
public sealed class ClusterSeeds(TimeProvider time) : IClusterSeeds
{
    public IEnumerable<IResource> Create(string adminUsername, string adminPassword, string? adminApiKey)
    {
        foreach (var resource in RbacSeeds.All(adminUsername, adminPassword))
            yield return resource;
        if (!string.IsNullOrEmpty(adminApiKey))
        {
            yield return new ApiKey
            {
                Metadata = new ObjectMeta { Name = adminApiKey },
                Username = adminUsername,
                CreatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
            };
        }
    }
}
