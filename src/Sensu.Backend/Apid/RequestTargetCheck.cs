using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Sensu.Backend.Apid;

/// <summary>
/// Refuses request targets the router must never see rewritten: dot segments (<c>.</c>, <c>..</c>, also percent-encoded
/// as <c>%2e</c>) and control characters (NUL and the rest of C0, DEL) in the path, raw or percent-encoded.
/// Kestrel removes dot segments before routing, so <c>PUT …/checks/..</c> would reach another route; the raw target is
/// checked instead. Sensu's router (gorilla/mux with encoded paths) matches no resource route for these either; we answer
/// 400 with Sensu's body rather than redirect.
/// </summary>
public static class RequestTargetCheck
{
    /// <summary>The reason to refuse the request, or null when its target is acceptable.</summary>
    public static string? Problem(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
            raw = context.Request.PathBase.Value + context.Request.Path.Value;
        return Problem(raw);
    }

    public static string? Problem(string rawTarget)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        var path = rawTarget;
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0)
            path = path[..query];
        // An absolute-form target (http://host/path) keeps only its path.
        if (path.Contains("://", StringComparison.Ordinal))
        {
            var start = path.IndexOf('/', path.IndexOf("://", StringComparison.Ordinal) + 3);
            path = start < 0 ? "/" : path[start..];
        }

        foreach (var segment in path.Split('/'))
        {
            // Route values are unescaped once more after Kestrel's decoding (names like sensu%2Fslack), so two levels are checked.
            var once = Uri.UnescapeDataString(segment);
            foreach (var decoded in (string[])[once, Uri.UnescapeDataString(once)])
            {
                if (decoded is "." or "..")
                    return "the request path must not contain \".\" or \"..\" segments";
                if (decoded.Any(char.IsControl))
                    return "the request path must not contain control characters";
            }
        }
        return null;
    }
}
