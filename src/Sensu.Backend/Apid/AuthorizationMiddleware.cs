using Microsoft.AspNetCore.Http;
using Sensu.Backend.Resources;
using Sensu.Backend.Authorization;

namespace Sensu.Backend.Apid;

/// <summary>
/// Runs after authentication: derives the RBAC attributes of every <c>/api/…</c> request, stores them in
/// <see cref="HttpContext.Items"/> (see <see cref="GetRbacAttributes"/>) and answers 403 <c>{"code":4}</c> when denied.
/// </summary>
public sealed class AuthorizationMiddleware(RequestDelegate next, IAuthorizer authorizer)
{
    private static readonly object ItemKey = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var user = RbacUser.From(context.User);
        var attributes = RequestAttributesParser.Parse(context.Request.Method, context.Request.Path.Value ?? string.Empty, user?.Username);
        if (attributes is null)
        {
            await next(context);
            return;
        }
        if (user is null)
        {
            await ApiErrors.WriteAsync(context, new ResourceException(SensuErrorCode.Unauthenticated, "Request unauthorized"));
            return;
        }
        if (!await authorizer.AuthorizeAsync(user, attributes, context.RequestAborted))
        {
            await ApiErrors.WriteAsync(context, new ResourceException(SensuErrorCode.PermissionDenied, "request not authorized"));
            return;
        }
        context.Items[ItemKey] = attributes;
        await next(context);
    }

    /// <summary>The attributes the request was authorized with; null outside <c>/api/</c>.</summary>
    public static RequestAttributes? GetRbacAttributes(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as RequestAttributes : null;
}
