using System.Text.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Store;

namespace Sensu.Backend.Resources;

/// <summary>
/// Typed access to configuration resources over the store's role interfaces: turns resources into
/// store rows and back, and runs the write hooks of each type. The generic API and the daemons share it.
/// </summary>
public sealed class ResourceService(
    IResourceReader reader,
    IResourceWriter writer,
    IEnumerable<IResourceWriteHook> hooks)
{
    private readonly IResourceWriteHook[] _hooks = hooks.ToArray();

    public static ResourceKey KeyOf(ResourceType type, string? @namespace, string name) =>
        new(type.StoreKind, type.Namespaced ? @namespace ?? string.Empty : string.Empty, name);

    public static ResourceKey KeyOf(IResource resource)
    {
        var type = ResourceRegistry.For(resource);
        return KeyOf(type, resource.Metadata.Namespace, resource.Metadata.Name ?? string.Empty);
    }

    public async Task<IResource?> GetAsync(ResourceType type, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var stored = await reader.GetAsync(KeyOf(type, @namespace, name), cancellationToken);
        return stored is null ? null : Decode(stored);
    }

    public async Task<T?> GetAsync<T>(string? @namespace, string name, CancellationToken cancellationToken)
        where T : class, IResource =>
        await GetAsync(ResourceRegistry.For<T>(), @namespace, name, cancellationToken) as T;

    public async Task<Page<IResource>> ListAsync(ResourceType type, string? @namespace, PageRequest page, CancellationToken cancellationToken)
    {
        var ns = type.Namespaced ? @namespace : null;
        var stored = await reader.ListAsync(type.StoreKind, ns, page, cancellationToken);
        return new Page<IResource>(stored.Items.Select(Decode).ToList(), stored.Continue);
    }

    /// <summary>A listing read in chunks of <paramref name="chunkSize"/> rows (the API streams it; see <see cref="ChunkedListing{T}"/>).</summary>
    public Task<ChunkedListing<StoredResource>> OpenListAsync(ResourceType type, string? @namespace, PageRequest page, int chunkSize, CancellationToken cancellationToken) =>
        OpenListAsync(type, @namespace, StoreFilter.None, page, chunkSize, null, cancellationToken);

    /// <summary>
    /// A listing of the rows that pass <paramref name="filter"/> in the store, and of those the items
    /// <paramref name="selection"/> selects (all when it is null); see <see cref="ChunkedListing{T}"/>.
    /// </summary>
    public Task<ChunkedListing<StoredResource>> OpenListAsync(
        ResourceType type, string? @namespace, StoreFilter filter, PageRequest page, int chunkSize, ListSelection<StoredResource>? selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(type);
        var ns = type.Namespaced ? @namespace : null;
        return ChunkedListing<StoredResource>.OpenAsync(
            (request, ct) => reader.ListAsync(type.StoreKind, ns, filter, request, ct),
            (a, b) => StoreKeyOrder.Compare(a.Key, b.Key),
            page,
            chunkSize,
            selection,
            cancellationToken);
    }

    public async Task<IReadOnlyList<T>> ListAllAsync<T>(string? @namespace, CancellationToken cancellationToken)
        where T : class, IResource
    {
        var page = await ListAsync(ResourceRegistry.For<T>(), @namespace, PageRequest.All, cancellationToken);
        return page.Items.OfType<T>().ToList();
    }

    /// <summary>Creates or replaces after the type's hooks ran; returns whether it was created.</summary>
    public async Task<PutOutcome> PutAsync(IResource resource, CancellationToken cancellationToken)
    {
        var write = await PrepareAsync(resource, cancellationToken);
        var (_, outcome) = await writer.PutAsync(write, cancellationToken);
        return outcome;
    }

    /// <summary>Creates; <see cref="AlreadyExistsException"/> when it exists.</summary>
    public async Task CreateAsync(IResource resource, CancellationToken cancellationToken)
    {
        var write = await PrepareAsync(resource, cancellationToken);
        await writer.CreateAsync(write, cancellationToken);
    }

    public async Task<bool> DeleteAsync(ResourceType type, string? @namespace, string name, CancellationToken cancellationToken)
    {
        var key = KeyOf(type, @namespace, name);
        foreach (var hook in _hooks)
        {
            if (hook.AppliesTo(type))
                await hook.BeforeDeleteAsync(type, key, cancellationToken);
        }
        return await writer.DeleteAsync(key, cancellationToken);
    }

    /// <summary>Validates, runs hooks and serialises a resource for the store.</summary>
    public async Task<ResourceWrite> PrepareAsync(IResource resource, CancellationToken cancellationToken)
    {
        var type = ResourceRegistry.For(resource);
        foreach (var hook in _hooks)
        {
            if (hook.AppliesTo(type))
                await hook.BeforeWriteAsync(type, resource, cancellationToken);
        }
        resource.Validate();
        return ToWrite(type, resource);
    }

    public static ResourceWrite ToWrite(ResourceType type, IResource resource) =>
        new(KeyOf(type, resource.Metadata.Namespace, resource.Metadata.Name ?? string.Empty), type.Name, JsonSerializer.Serialize(resource, type.TypeInfo));

    public static IResource Decode(StoredResource stored)
    {
        var apiVersion = stored.Key.Kind[..stored.Key.Kind.LastIndexOf('/')];
        var type = ResourceRegistry.Find(stored.Type, apiVersion)
            ?? throw new InvalidOperationException($"stored resource {stored.Key} has unknown type {stored.Type}");
        return (IResource)(JsonSerializer.Deserialize(stored.Json, type.TypeInfo)
            ?? throw new InvalidOperationException($"stored resource {stored.Key} is empty"));
    }
}
