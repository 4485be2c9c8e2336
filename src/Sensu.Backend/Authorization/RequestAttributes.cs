namespace Sensu.Backend.Authorization;

/// <summary>
/// What a request asks to do, in RBAC terms (Sensu's authorization.Attributes). <see cref="Namespace"/> is empty
/// for cluster-wide requests and all-namespace lists; <see cref="ResourceName"/> is empty for collections.
/// </summary>
public sealed record RequestAttributes(
    string Verb,
    string ApiGroup,
    string ApiVersion,
    string Namespace,
    string Resource,
    string ResourceName,
    string SubResource);
