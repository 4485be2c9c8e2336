using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Resources;
using Sensu.Core.Resources.Core;
using Sensu.Backend.Authentication;

namespace Sensu.Backend.Apid;

/// <summary>
/// The user routes that need more than generic CRUD: password changes, disable/reinstate, group edits.
/// Mapped with a negative order so they win over the generic <c>/users/{name}</c> routes.
/// </summary>
public static class UserEndpoints
{
    private const string Prefix = "/api/core/v2/users/{name}";

    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut(Prefix + "/password", ChangePasswordAsync).WithOrder(-1);
        endpoints.MapPut(Prefix + "/reset_password", ResetPasswordAsync).WithOrder(-1);
        endpoints.MapPut(Prefix + "/reinstate", (HttpContext c, string name, ResourceService s, UserDirectory u) =>
            UpdateAsync(c, name, s, u, user => user.Disabled = false, Created)).WithOrder(-1);
        endpoints.MapDelete(Prefix, (HttpContext c, string name, ResourceService s, UserDirectory u) =>
            UpdateAsync(c, name, s, u, user => user.Disabled = true, Results.NoContent)).WithOrder(-1);
        endpoints.MapPut(Prefix + "/groups/{group}", (HttpContext c, string name, string group, ResourceService s, UserDirectory u) =>
            UpdateAsync(c, name, s, u, user => AddGroup(user, group), Created)).WithOrder(-1);
        endpoints.MapDelete(Prefix + "/groups/{group}", (HttpContext c, string name, string group, ResourceService s, UserDirectory u) =>
            UpdateAsync(c, name, s, u, user => user.Groups?.RemoveAll(g => g == group), Results.NoContent)).WithOrder(-1);
        endpoints.MapDelete(Prefix + "/groups", (HttpContext c, string name, ResourceService s, UserDirectory u) =>
            UpdateAsync(c, name, s, u, user => user.Groups = null, Results.NoContent)).WithOrder(-1);
        return endpoints;
    }

    /// <summary>Self-service needs the current <c>password</c>; anyone else allowed by RBAC (an admin) does not.</summary>
    private static async Task<IResult> ChangePasswordAsync(HttpContext context, string name, ResourceService store, UserDirectory users, ILoggerFactory logs)
    {
        var body = await ReadAsync(context);
        if (body.Error is { } error)
            return error;
        var self = SensuPrincipal.Username(context.User) == name;
        return await UpdateAsync(context, name, store, users, user =>
        {
            if (self && !PasswordHasher.Verify(body.Value?.Password ?? string.Empty, user.PasswordHash))
                throw ResourceException.Invalid("the current password is incorrect");
            user.Password = body.Value?.PasswordNew ?? string.Empty;
            Log.PasswordChanged(logs.CreateLogger(typeof(UserEndpoints)), name);
        }, Created);
    }

    private static async Task<IResult> ResetPasswordAsync(HttpContext context, string name, ResourceService store, UserDirectory users, ILoggerFactory logs)
    {
        var body = await ReadAsync(context);
        if (body.Error is { } error)
            return error;
        return await UpdateAsync(context, name, store, users, user =>
        {
            if (!string.IsNullOrEmpty(body.Value?.PasswordHash))
            {
                // Stored as given, as Sensu does; a value that is not a bcrypt hash matches no password.
                user.PasswordHash = body.Value.PasswordHash;
            }
            else
            {
                user.Password = body.Value?.PasswordNew ?? string.Empty;
            }
            Log.PasswordChanged(logs.CreateLogger(typeof(UserEndpoints)), name);
        }, Created);
    }

    /// <summary>Loads the user (404 when missing), applies <paramref name="change"/> and stores it through the write hooks.</summary>
    private static async Task<IResult> UpdateAsync(HttpContext context, string name, ResourceService store, UserDirectory users, Action<User> change, Func<IResult> success)
    {
        try
        {
            var user = await users.FindAsync(name, context.RequestAborted)
                ?? throw ResourceException.NotFound($"user \"{name}\" not found");
            user.Password = null;
            change(user);
            await store.PutAsync(user, context.RequestAborted);
            return success();
        }
        catch (Exception e) when (ApiErrors.Translate(e) is { } api)
        {
            return ApiErrors.ToResult(api);
        }
    }

    private static void AddGroup(User user, string group)
    {
        user.Groups ??= [];
        if (!user.Groups.Contains(group, StringComparer.Ordinal))
            user.Groups.Add(group);
    }

    private static IResult Created() => Results.StatusCode(StatusCodes.Status201Created);

    private static async Task<(PasswordChangeBody? Value, IResult? Error)> ReadAsync(HttpContext context)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync(context.Request.Body, AuthJsonContext.Default.PasswordChangeBody, context.RequestAborted);
            return (body, null);
        }
        catch (JsonException e)
        {
            return (null, ApiErrors.ToResult(ApiErrors.Translate(e) ?? ApiError.Invalid(e.Message)));
        }
    }
}
