using System.Net;
using Microsoft.AspNetCore.Http;
using Sensu.Backend.Authentication;
using Sensu.Backend.Authorization;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;
using Sensu.Store;
using Sensu.Transport;

namespace Sensu.Backend.Agentd;

/// <summary>
/// Decides an agent's upgrade request (core-spec §6.2): credentials (a trusted client certificate when
/// <c>agent-auth-trusted-ca-file</c> is set, else Basic auth) → 401; unknown namespace → 404; RBAC
/// <c>create</c> on <c>events</c> named after the agent → 403.
/// </summary>
public sealed class AgentHandshake(IResourceReader reader, UserDirectory users, IAuthorizer authorizer, AgentTls tls)
{
    public const string MissingCredentials = "missing credentials";
    public const string BadCredentials = "bad credentials";

    public async Task<HandshakeOutcome> DecideAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var headers = context.Request.Headers;
        var agent = headers[HandshakeHeaders.AgentName].ToString().Trim();
        var ns = headers[HandshakeHeaders.Namespace].ToString().Trim();
        var subscriptions = headers[HandshakeHeaders.Subscriptions].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var user = await AuthenticateAsync(context, cancellationToken);
        if (user.Outcome is { } refused)
            return refused;

        if (!Validators.IsName(agent))
            return HandshakeOutcome.Refuse(StatusCodes.Status400BadRequest, $"invalid agent name \"{agent}\"");
        if (ns.Length == 0 || await reader.GetAsync(ResourceKey.Cluster(ResourceRegistry.For<Namespace>().StoreKind, ns), cancellationToken) is null)
            return HandshakeOutcome.Refuse(StatusCodes.Status404NotFound, $"namespace \"{ns}\" not found");

        var attributes = new RequestAttributes(RbacVerbs.Create, "core", "v2", ns, RbacVerbs.Events, agent, string.Empty);
        if (!await authorizer.AuthorizeAsync(user.Rbac!, attributes, cancellationToken))
            return HandshakeOutcome.Refuse(StatusCodes.Status403Forbidden, $"user \"{user.Rbac!.Username}\" may not create events for agent \"{agent}\" in namespace \"{ns}\"");

        return HandshakeOutcome.Accept(new AgentIdentity(agent, ns, subscriptions, user.Rbac!.Username, user.Certificate));
    }

    private async Task<(RbacUser? Rbac, bool Certificate, HandshakeOutcome? Outcome)> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (tls.ClientCertificatesTrusted)
        {
            // mTLS mode: the certificate is the credential; passwords are refused as in Sensu.
            var certificate = await context.Connection.GetClientCertificateAsync(cancellationToken);
            if (certificate is null)
                return (null, false, HandshakeOutcome.Refuse(StatusCodes.Status401Unauthorized, MissingCredentials));
            if (!tls.IsTrusted(certificate, out _))
                return (null, false, HandshakeOutcome.Refuse(StatusCodes.Status401Unauthorized, BadCredentials));
            var name = AgentTls.CommonName(certificate);
            if (string.IsNullOrEmpty(name))
                return (null, false, HandshakeOutcome.Refuse(StatusCodes.Status401Unauthorized, BadCredentials));
            // A stored user of that name brings its groups (a disabled one is refused); otherwise the CA's
            // signature makes it an agent.
            var stored = await users.FindAsync(name, cancellationToken);
            if (stored is { Disabled: true })
                return (null, false, HandshakeOutcome.Refuse(StatusCodes.Status401Unauthorized, BadCredentials));
            var groups = stored is null ? SensuGroups.ForToken([SensuGroups.SystemAgents]) : SensuGroups.ForToken(stored.Groups);
            return (new RbacUser(name, groups), true, null);
        }

        if (!BasicCredentials.TryParse(context.Request.Headers.Authorization.ToString(), out var username, out var password))
            return (null, false, HandshakeOutcome.Refuse(StatusCodes.Status401Unauthorized, MissingCredentials));
        var user = await users.AuthenticateAsync(username, password, cancellationToken);
        if (user is null)
            return (null, false, HandshakeOutcome.Refuse(StatusCodes.Status401Unauthorized, BadCredentials));
        return (new RbacUser(username, SensuGroups.ForToken(user.Groups)), false, null);
    }

    /// <summary>The name the backend answers with in <c>Backend-ID</c>.</summary>
    public static string BackendId { get; } = Dns.GetHostName();
}
