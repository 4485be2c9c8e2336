using Sensu.Core.Registry;

namespace Sensu.Backend.Authorization;

/// <summary>
/// Derives <see cref="RequestAttributes"/> from method and path like Sensu's AuthorizationAttributes middleware:
/// <c>/api/{group}/{version}[/namespaces/{ns}]/{collection}[/{name}[/{sub…}]]</c> and
/// <c>/api/enterprise/{group}/{version}/…</c>.
/// </summary>
public static class RequestAttributesParser
{
    /// <summary>Attributes of an API request; null when the path is not under <c>/api/</c>.</summary>
    public static RequestAttributes? Parse(string method, string path, string? username)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || segments[0] != "api")
            return null;
        var start = segments.Length > 1 && segments[1] == "enterprise" ? 2 : 1;
        var group = At(segments, start);
        var version = At(segments, start + 1);
        var rest = segments.Length > start + 2 ? segments[(start + 2)..] : [];

        string ns = string.Empty, collection, name, sub;
        if (rest.Length > 0 && rest[0] == RbacVerbs.Namespaces && rest.Length <= 2)
        {
            // /namespaces and /namespaces/{ns}: the namespace resource itself, judged within that namespace.
            collection = RbacVerbs.Namespaces;
            name = At(rest, 1);
            ns = name;
            sub = string.Empty;
        }
        else if (rest.Length > 0 && rest[0] == RbacVerbs.Namespaces)
        {
            ns = rest[1];
            (collection, name, sub) = Split(rest[2..]);
        }
        else
        {
            (collection, name, sub) = Split(rest);
        }

        var verb = VerbOf(method);
        var resource = RbacResourceOf(group, version, collection);
        var listable = false;
        switch (resource)
        {
            case RbacVerbs.Events:
                // /events/{entity}/{check} names one event; /events/{entity} lists an entity's events.
                if (sub.Length > 0)
                {
                    name = $"{name}/{sub}";
                    sub = string.Empty;
                }
                else
                {
                    listable = name.Length > 0;
                }
                break;
            case RbacVerbs.Silenced when name is "subscriptions" or "checks":
                name = sub.Length > 0 ? $"{name}/{sub}" : name;
                sub = string.Empty;
                listable = true;
                break;
            case "cluster":
                resource = "cluster-members";
                (name, sub) = (At(sub.Split('/'), 0), string.Empty);
                break;
        }
        if (verb == RbacVerbs.Get && (name.Length == 0 || listable))
            verb = RbacVerbs.List;

        if (resource == RbacVerbs.Users && username is not null && name == username
            && ((verb == RbacVerbs.Get && sub.Length == 0) || (verb == RbacVerbs.Update && sub == "password")))
        {
            resource = RbacVerbs.LocalSelfUser;
        }
        return new RequestAttributes(verb, group, version, ns, resource, name, sub);
    }

    public static string VerbOf(string method) => method.ToUpperInvariant() switch
    {
        "POST" => RbacVerbs.Create,
        "GET" or "HEAD" => RbacVerbs.Get,
        "PUT" or "PATCH" => RbacVerbs.Update,
        "DELETE" => RbacVerbs.Delete,
        _ => string.Empty,
    };

    /// <summary>The RBAC name of a collection of an API group (<c>checks</c>, <c>providers</c>); the collection itself when unknown.</summary>
    public static string RbacResourceOf(string group, string version, string collection)
    {
        var apiVersion = $"{group}/{version}";
        var type = ResourceRegistry.All.FirstOrDefault(t => t.ApiVersion == apiVersion && t.Collection == collection);
        return type?.RbacResource ?? collection;
    }

    private static (string Collection, string Name, string Sub) Split(string[] rest) =>
        (At(rest, 0), At(rest, 1), rest.Length > 2 ? string.Join('/', rest[2..]) : string.Empty);

    private static string At(string[] items, int index) => index < items.Length ? items[index] : string.Empty;
}
