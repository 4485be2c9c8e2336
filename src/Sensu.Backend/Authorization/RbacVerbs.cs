namespace Sensu.Backend.Authorization;

/// <summary>RBAC verbs and special resource names (core v2 rbac.go).</summary>
public static class RbacVerbs
{
    public const string All = "*";
    public const string Get = "get";
    public const string List = "list";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";

    /// <summary>Resource a user gets when it reads itself or changes its own password.</summary>
    public const string LocalSelfUser = "localselfuser";

    public const string Namespaces = "namespaces";
    public const string Users = "users";
    public const string Events = "events";
    public const string Silenced = "silenced";
}
