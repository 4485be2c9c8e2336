using Microsoft.Extensions.Logging;

namespace Sensu.Backend.Authorization;

/// <summary>Authorization log messages, event ids 1200–1299.</summary>
internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Debug, "user {Username} may {Verb} {Resource} (binding {Binding})")]
    public static partial void Allowed(ILogger logger, string username, string verb, string resource, string binding);

    [LoggerMessage(1201, LogLevel.Debug, "user {Username} may not {Verb} {Resource} in namespace \"{Namespace}\" (name \"{Name}\")")]
    public static partial void Denied(ILogger logger, string username, string verb, string resource, string @namespace, string name);

    [LoggerMessage(1202, LogLevel.Error, "rbac configuration error: binding {Binding} refers to a missing {RoleType} {RoleName}")]
    public static partial void RoleNotFound(ILogger logger, string binding, string roleType, string roleName);
}
