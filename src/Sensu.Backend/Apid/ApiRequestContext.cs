using System.Globalization;
using Microsoft.AspNetCore.Http;
using Sensu.Backend.Resources;
using Sensu.Core.Selectors;
using Sensu.Store;

namespace Sensu.Backend.Apid;

/// <summary>Small readers of request facts the generic handlers share.</summary>
public static class ApiRequestContext
{
    public const string ContinueHeader = "Sensu-Continue";

    /// <summary>Route values arrive still escaped where they held <c>%2F</c> (asset names like <c>sensu/slack</c>).</summary>
    public static string RouteName(HttpContext context, string key = "name") =>
        Uri.UnescapeDataString(context.Request.RouteValues[key]?.ToString() ?? string.Empty);

    public static string? RouteNamespace(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("namespace", out var ns) && ns is not null
            ? Uri.UnescapeDataString(ns.ToString()!)
            : null;

    public static PageRequest Page(HttpContext context)
    {
        var limit = 0;
        var rawLimit = context.Request.Query["limit"].ToString();
        if (rawLimit.Length > 0 && (!int.TryParse(rawLimit, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit < 0))
            throw ResourceException.Invalid($"invalid limit \"{rawLimit}\": must be a non-negative integer");
        var token = context.Request.Query["continue"].ToString();
        return new PageRequest(limit, token.Length == 0 ? null : token);
    }

    public static string? UserName(HttpContext context) => context.User.Identity?.Name;

    /// <summary>
    /// The <c>labelSelector</c> and <c>fieldSelector</c> query parameters (each may repeat; joined with <c>&amp;&amp;</c>),
    /// parsed with Sensu's grammar; an invalid one is a 400 naming the parameter and the reason.
    /// </summary>
    public static Selector Selector(HttpContext context)
    {
        var query = context.Request.Query;
        if (!query.ContainsKey(LabelSelectorParameter) && !query.ContainsKey(FieldSelectorParameter))
            return Core.Selectors.Selector.Empty;
        try
        {
            return Core.Selectors.Selector.Parse(query[LabelSelectorParameter].OfType<string>(), query[FieldSelectorParameter].OfType<string>());
        }
        catch (SelectorParseException ex)
        {
            throw ResourceException.Invalid(ex.Message);
        }
    }

    public const string LabelSelectorParameter = "labelSelector";

    public const string FieldSelectorParameter = "fieldSelector";
}
