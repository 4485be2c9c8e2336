using System.Globalization;
using System.Security.Claims;
using Sensu.Backend.Authorization;
using Sensu.Backend.Resources;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Dashboard;

/// <summary>
/// RBAC for the dashboard, asked exactly as the API asks it: each dashboard read or action is the API request it
/// stands for (method and path), parsed by <see cref="RequestAttributesParser"/> and decided by <see cref="IAuthorizer"/>.
/// </summary>
public sealed class DashboardAccess(IAuthorizer authorizer, ResourceService resources)
{
    private const string Core = "/api/core/v2/namespaces/";

    public async Task<bool> CanAsync(ClaimsPrincipal user, string method, string path, CancellationToken cancellationToken)
    {
        if (RbacUser.From(user) is not { } caller || RequestAttributesParser.Parse(method, path, caller.Username) is not { } attributes)
            return false;
        return await authorizer.AuthorizeAsync(caller, attributes, cancellationToken);
    }

    /// <summary>The namespaces the user may see, as the API's namespace list shows them (<see cref="NamespaceVisibilityFilter"/>).</summary>
    public async Task<IReadOnlyList<string>> VisibleNamespacesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (RbacUser.From(user) is not { } caller)
            return [];
        var all = await resources.ListAllAsync<Namespace>(null, cancellationToken);
        var names = all.Select(n => n.Metadata.Name).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var visible = await authorizer.VisibleNamespacesAsync(caller, names, cancellationToken);
        return names.Where(visible.Contains).ToList();
    }

    public static string EventsPath(string @namespace) => Core + Escape(@namespace) + "/events";

    public static string EventPath(string @namespace, string entity, string check) =>
        string.Create(CultureInfo.InvariantCulture, $"{EventsPath(@namespace)}/{Escape(entity)}/{Escape(check)}");

    public static string SilencedPath(string @namespace) => Core + Escape(@namespace) + "/silenced";

    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
