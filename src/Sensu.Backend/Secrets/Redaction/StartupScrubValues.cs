using System.Globalization;
using Sensu.Backend.Secrets.Env;

namespace Sensu.Backend.Secrets.Redaction;

/// <summary>
/// What the <see cref="SecretScrubber"/> knows from start, before any secret is resolved (issue 16): the backend's
/// own credentials (<c>--cluster-admin-password</c>, <c>--cluster-admin-api-key</c>) and the value of every variable
/// of the backend process the Env provider could serve (<see cref="EnvSecretReach.MayHoldSecret"/>), plus the
/// password in a proxy URL's user info.
/// </summary>
/// <remarks>
/// A credential is registered as a resolved secret is (at least <see cref="SecretScrubber.MinimumLength"/>
/// characters). An environment value is registered only when it is worth it (<see cref="IsWorthScrubbing"/>): at least
/// <see cref="MinimumEnvironmentValueLength"/> characters, and not a boolean, a number, an absolute path or path list,
/// a URL without user info or query, nor this machine's or user's name. Such values are not secrets and are common
/// in ordinary log text: replacing them would mangle every line that names a directory or the host. A short or
/// path-like secret in the environment is protected once a Secret resolves it, by the resolver's registration.
/// <c>SENSU_BACKEND_*</c> variables that set a non-credential flag (state dir, API URL, log level, ...) are skipped:
/// they are configuration, and the credential flags are registered through the options.
/// </remarks>
public static class StartupScrubValues
{
    /// <summary>Shorter environment values are not registered (see remarks).</summary>
    public const int MinimumEnvironmentValueLength = 8;


    /// <summary>The backend's own credentials that are set.</summary>
    public static IEnumerable<string> Credentials(SecretsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Credentials.Where(static v => v.Length > 0);
    }

    /// <summary>The values of <paramref name="variables"/> to scrub (see remarks); <paramref name="settingVariables"/> are skipped.</summary>
    public static IEnumerable<string> EnvironmentValues(IEnumerable<KeyValuePair<string, string>> variables, IReadOnlySet<string> settingVariables)
    {
        ArgumentNullException.ThrowIfNull(settingVariables);
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables)
        {
            if (string.IsNullOrEmpty(value) || settingVariables.Contains(name))
                continue;
            if (EnvSecretReach.ProxyNames.Contains(name))
            {
                if (ProxyPassword(value) is { } password)
                    yield return password;
            }
            else if (EnvSecretReach.MayHoldSecret(name) && IsWorthScrubbing(value))
            {
                yield return value;
            }
        }
    }

    /// <summary>Whether an environment value may be a secret and is rare enough in log text to be scrubbed (see remarks).</summary>
    public static bool IsWorthScrubbing(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length < MinimumEnvironmentValueLength)
            return false;
        if (bool.TryParse(text, out _) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            return false;
        if (IsPathOrPathList(text))
            return false;
        if (IsPlainWebAddress(text))
            return false;
        return !string.Equals(text, Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(text, Environment.UserName, StringComparison.OrdinalIgnoreCase);
    }

    // http(s)/ws(s) URLs with no user info, query or fragment: addresses, not credentials.
    private static bool IsPlainWebAddress(string text) =>
        text.Contains("://", StringComparison.Ordinal)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" or "ws" or "wss"
        && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;

    private static bool IsPathOrPathList(string text) =>
        text.Split(':').All(static part => part.Length == 0 || part[0] == '/' || part.StartsWith("~/", StringComparison.Ordinal) || part.StartsWith("./", StringComparison.Ordinal))
        && text.Any(static c => c == '/');

    private static string? ProxyPassword(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
            return null;
        var info = uri.UserInfo;
        var colon = info.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || colon == info.Length - 1)
            return null;
        return Uri.UnescapeDataString(info[(colon + 1)..]);
    }
}
