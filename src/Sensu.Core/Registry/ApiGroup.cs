namespace Sensu.Core.Registry;

/// <summary>An API group (<c>core/v2</c>, <c>secrets/v1</c>, ...) and the URL prefix the REST API serves it under.</summary>
public sealed record ApiGroup(string ApiVersion, string UrlPrefix)
{
    public static readonly ApiGroup CoreV2 = new("core/v2", "/api/core/v2");
    public static readonly ApiGroup SecretsV1 = new("secrets/v1", "/api/enterprise/secrets/v1");
    public static readonly ApiGroup StoreV1 = new("store/v1", "/api/enterprise/store/v1");

    /// <summary>core/v2 resources carry their metadata inside the spec; the others only in the wrapper.</summary>
    public bool MetadataInSpec => ReferenceEquals(this, CoreV2) || ApiVersion == CoreV2.ApiVersion;
}
