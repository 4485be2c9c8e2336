using System.Security.Claims;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Store;

namespace Sensu.Backend.Dashboard.Resources;

/// <summary>
/// Resource reads for the dashboard, each authorized as the API GET it stands for and passed through the same
/// <see cref="IResourceOutputFilter"/>s as the API's answer (redacted labels stay redacted, user hashes and provider
/// tokens never leave, namespaces the user may not see are skipped).
/// </summary>
public sealed class DashboardResources(DashboardAccess access, ResourceService resources, IEnumerable<IResourceOutputFilter> filters)
{
    /// <summary>Most items a dashboard list reads.</summary>
    public const int ListLimit = 1000;

    private readonly IResourceOutputFilter[] _filters = filters.ToArray();

    public Task<bool> CanListAsync(ClaimsPrincipal user, ResourceType type, string @namespace, CancellationToken cancellationToken) =>
        access.CanAsync(user, "GET", type.CollectionPath(@namespace), cancellationToken);

    /// <summary>The resources of <paramref name="type"/> the user may see, in store order; null when they may not list them.</summary>
    public async Task<IReadOnlyList<IResource>?> ListAsync(ClaimsPrincipal user, ResourceType type, string @namespace, CancellationToken cancellationToken)
    {
        if (!await CanListAsync(user, type, @namespace, cancellationToken))
            return null;
        return await ListUncheckedAsync(user, type, @namespace, cancellationToken);
    }

    /// <summary>As <see cref="ListAsync"/>, typed; empty when the user may not list them.</summary>
    public async Task<IReadOnlyList<T>> ListAsync<T>(ClaimsPrincipal user, string @namespace, CancellationToken cancellationToken)
        where T : class, IResource =>
        (await ListAsync(user, ResourceRegistry.For<T>(), @namespace, cancellationToken))?.OfType<T>().ToList() ?? [];

    /// <summary>One resource as the API shows it; null when it is absent or the user may not read it.</summary>
    public async Task<T?> GetAsync<T>(ClaimsPrincipal user, string @namespace, string name, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var type = ResourceRegistry.For<T>();
        if (!await access.CanAsync(user, "GET", type.ItemPath(@namespace, name), cancellationToken))
            return null;
        var resource = await resources.GetAsync(type, @namespace, name, cancellationToken);
        return resource is null ? null : await FilterAsync(type, resource, user, cancellationToken) as T;
    }

    private async Task<IReadOnlyList<IResource>> ListUncheckedAsync(ClaimsPrincipal user, ResourceType type, string @namespace, CancellationToken cancellationToken)
    {
        var shown = new List<IResource>();
        string? token = null;
        do
        {
            var page = await resources.ListAsync(type, @namespace, new PageRequest(200, token), cancellationToken);
            foreach (var resource in page.Items)
            {
                if (await FilterAsync(type, resource, user, cancellationToken) is { } visible)
                    shown.Add(visible);
            }
            token = page.Continue;
        }
        while (token is not null && shown.Count < ListLimit);
        return shown;
    }

    private async Task<IResource?> FilterAsync(ResourceType type, IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        IResource? shown = resource;
        foreach (var filter in _filters)
        {
            if (shown is not null && filter.AppliesTo(type))
                shown = await filter.FilterAsync(type, shown, user, cancellationToken);
        }
        return shown;
    }
}
