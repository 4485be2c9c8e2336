using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// A Secret's Vault id mapped to an HTTP path and a field (secrets-spec §4.6): <c>path#key</c> or
/// <c>mount#path#key</c>. KV v1 reads <c>/v1/&lt;mount&gt;/&lt;path&gt;</c>; KV v2 reads
/// <c>/v1/&lt;mount&gt;/data/&lt;path&gt;</c>, where for <c>path#key</c> the mount is the first path segment.
/// </summary>
internal readonly record struct VaultSecretPath(string RequestPath, string Key)
{
    /// <summary>Maps <paramref name="id"/>; false with a reason when the id has the wrong shape.</summary>
    public static bool TryParse(string id, string kvVersion, out VaultSecretPath path, out string error)
    {
        path = default;
        var parts = id.Split('#');
        if (parts.Length is < 2 or > 3)
        {
            error = "a Vault secret id must be \"path#key\" or \"mount#path#key\"";
            return false;
        }
        var key = parts[^1];
        if (key.Length == 0)
        {
            error = "the key after the last '#' is empty";
            return false;
        }
        string mount;
        string rest;
        if (parts.Length == 3)
        {
            mount = parts[0].Trim('/');
            rest = parts[1].Trim('/');
        }
        else
        {
            var full = parts[0].Trim('/');
            var slash = full.IndexOf('/', StringComparison.Ordinal);
            mount = slash < 0 ? full : full[..slash];
            rest = slash < 0 ? "" : full[(slash + 1)..].Trim('/');
        }
        if (mount.Length == 0 || rest.Length == 0)
        {
            error = parts.Length == 3
                ? "the mount and the path of \"mount#path#key\" must not be empty"
                : "the path of \"path#key\" needs a mount and a secret name, such as secret/pagerduty";
            return false;
        }
        var requestPath = kvVersion == VaultClientConfig.KvV2 ? $"{mount}/data/{rest}" : $"{mount}/{rest}";
        if (requestPath.Split('/').Any(segment => segment is "" or "." or ".."))
        {
            error = "the path must not contain empty, '.' or '..' segments";
            return false;
        }
        path = new VaultSecretPath(requestPath, key);
        error = "";
        return true;
    }

    /// <summary>The request URI relative to the Vault address, each segment escaped.</summary>
    public string RelativeUri => "v1/" + string.Join('/', RequestPath.Split('/').Select(Uri.EscapeDataString));
}
