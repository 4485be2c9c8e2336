using System.Text.Json.Serialization.Metadata;
using Sensu.Core.Meta;

namespace Sensu.Core.Registry;

/// <summary>
/// Everything the system knows about one resource type: its wrapper names, API group, scope,
/// REST collection, RBAC resource and CLR type. Only <see cref="ResourceRegistry"/> creates these.
/// </summary>
public sealed class ResourceType
{
    internal ResourceType(string name, string alias, ApiGroup group, bool namespaced, string collection, string rbacResource, JsonTypeInfo typeInfo, Func<IResource> factory)
    {
        Name = name;
        Alias = alias;
        Group = group;
        Namespaced = namespaced;
        Collection = collection;
        RbacResource = rbacResource;
        TypeInfo = typeInfo;
        Factory = factory;
    }

    /// <summary>Go type name, as written in a wrapper's <c>type</c> (<c>CheckConfig</c>).</summary>
    public string Name { get; }

    /// <summary>snake_case alias accepted in a wrapper's <c>type</c> (<c>check_config</c>).</summary>
    public string Alias { get; }

    public ApiGroup Group { get; }

    public string ApiVersion => Group.ApiVersion;

    /// <summary><c>core/v2.CheckConfig</c>: the name <c>sensuctl dump</c> and <c>describe-type</c> use.</summary>
    public string FullName => $"{Group.ApiVersion}.{Name}";

    public bool Namespaced { get; }

    /// <summary>URL collection segment (<c>checks</c>).</summary>
    public string Collection { get; }

    /// <summary>Resource name in RBAC rules (<c>checks</c>, <c>providers</c>, <c>secrets</c>).</summary>
    public string RbacResource { get; }

    /// <summary>Key the store files resources of this type under; types sharing a collection share a kind.</summary>
    public string StoreKind => $"{Group.ApiVersion}/{Collection}";

    public Type ClrType => TypeInfo.Type;

    public JsonTypeInfo TypeInfo { get; }

    internal Func<IResource> Factory { get; }

    public IResource Create() => Factory();

    /// <summary>REST path of the collection, e.g. <c>/api/core/v2/namespaces/default/checks</c>.</summary>
    public string CollectionPath(string? @namespace)
    {
        if (!Namespaced || string.IsNullOrEmpty(@namespace))
            return $"{Group.UrlPrefix}/{Collection}";
        return $"{Group.UrlPrefix}/namespaces/{Uri.EscapeDataString(@namespace)}/{Collection}";
    }

    /// <summary>Route template of the collection, with a <c>{namespace}</c> parameter for namespaced types.</summary>
    public string CollectionRoute => Namespaced
        ? $"{Group.UrlPrefix}/namespaces/{{namespace}}/{Collection}"
        : $"{Group.UrlPrefix}/{Collection}";

    /// <summary>REST path of one resource.</summary>
    public string ItemPath(string? @namespace, string name) => $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";

    public override string ToString() => FullName;
}
