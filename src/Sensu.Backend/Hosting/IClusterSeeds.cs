using Sensu.Core.Meta;

namespace Sensu.Backend.Hosting;

/// <summary>What <c>init</c> creates besides the default namespace: roles, bindings, the admin and agent users.</summary>
public interface IClusterSeeds
{
    IEnumerable<IResource> Create(string adminUsername, string adminPassword, string? adminApiKey);
}
