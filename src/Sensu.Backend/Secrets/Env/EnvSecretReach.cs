using Sensu.Execution;

namespace Sensu.Backend.Secrets.Env;

/// <summary>
/// Which variables of the backend process count as secrets the <c>Env</c> provider serves. The provider can read any
/// variable (secrets-spec §1.3), so the rule is by exclusion: every variable is treated as a secret except the
/// well-known, value-free ones named in <see cref="HarmlessNames"/> (locale, search path, home, temp dir, terminal,
/// user, CA bundle locations and the proxy variables) and those starting with <c>LC_</c>.
/// A variable that may hold a secret never reaches a command's base environment (even when named in
/// <c>--child-env-allow-list</c>, which refuses it at start): a command gets it only through a granted <c>Secret</c>.
/// </summary>
public static class EnvSecretReach
{
    /// <summary>The backend's own settings (<c>SENSU_BACKEND_*</c>): never passed to a command.</summary>
    public const string BackendSettingsPrefix = "SENSU_BACKEND_";

    /// <summary>Names that never hold a secret: <see cref="ChildEnvironmentPolicy.DefaultAllowList"/> and a few more.</summary>
    public static IReadOnlySet<string> HarmlessNames { get; } = new HashSet<string>(
        [
            .. ChildEnvironmentPolicy.DefaultAllowList,
            "LANGUAGE", "TEMP", "TMP", "TERM", "SHELL", "USER", "LOGNAME", "HOSTNAME", "PWD",
            "SSL_CERT_FILE", "SSL_CERT_DIR",
        ],
        StringComparer.Ordinal);

    /// <summary>The proxy variables: harmless by name, but a proxy URL may carry a password in its user info.</summary>
    public static IReadOnlySet<string> ProxyNames { get; } = new HashSet<string>(
        ["http_proxy", "https_proxy", "no_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY"],
        StringComparer.Ordinal);

    public static bool IsHarmless(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return HarmlessNames.Contains(name) || name.StartsWith("LC_", StringComparison.Ordinal);
    }

    /// <summary>True for every variable the Env provider could serve as a secret: all but the harmless ones.</summary>
    public static bool MayHoldSecret(string name) => !IsHarmless(name);
}
