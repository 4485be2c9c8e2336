using System.Security.Claims;
using System.Text.Json;
using Sensu.Backend.Authorization;
using Sensu.Backend.Resources;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// A VaultProvider's token leaves the API in clear only for callers who may update providers (admin
/// tooling compares it, and dump must round-trip it); everyone else sees it redacted.
/// </summary>
public sealed class VaultTokenOutputFilter(IAuthorizer authorizer) : IResourceOutputFilter
{
    public const string Redacted = "REDACTED";

    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(VaultProvider);

    public async ValueTask<IResource?> FilterAsync(ResourceType type, IResource resource, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (resource is not VaultProvider { Client.Token: { Length: > 0 } } provider)
            return resource;
        if (RbacUser.From(user) is { } caller)
        {
            var attributes = new RequestAttributes(RbacVerbs.Update, "secrets", "v1", string.Empty, type.RbacResource, provider.Metadata.Name ?? string.Empty, string.Empty);
            if (await authorizer.AuthorizeAsync(caller, attributes, cancellationToken))
                return resource;
        }
        var copy = JsonSerializer.Deserialize(JsonSerializer.Serialize(provider, SensuJsonContext.Default.VaultProvider), SensuJsonContext.Default.VaultProvider)!;
        copy.Client.Token = Redacted;
        return copy;
    }
}
