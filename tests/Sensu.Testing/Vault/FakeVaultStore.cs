using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Sensu.Testing.Vault;

/// <summary>State of the fake Vault: KV mounts with their engine version, secrets, tokens and cert roles.</summary>
internal sealed class FakeVaultStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, int> _mounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeVaultSecret> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeVaultToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeVaultCertRole> _roles = new(StringComparer.Ordinal);

    public TimeProvider Time => time;

    public void Mount(string mount, int version) => _mounts[mount.Trim('/')] = version;

    /// <summary>The mount that is the longest prefix of <paramref name="path"/>, and the rest of the path.</summary>
    public bool TryResolve(string path, out string mount, out int version, out string rest)
    {
        foreach (var (name, kv) in _mounts.OrderByDescending(m => m.Key.Length))
        {
            if (path == name || path.StartsWith(name + "/", StringComparison.Ordinal))
            {
                (mount, version, rest) = (name, kv, path.Length > name.Length ? path[(name.Length + 1)..] : "");
                return true;
            }
        }
        (mount, version, rest) = ("", 0, "");
        return false;
    }

    public FakeVaultSecret Write(string mount, string path, JsonObject data)
    {
        var key = mount + "/" + path.Trim('/');
        var previous = _secrets.TryGetValue(key, out var p) ? p.Version : 0;
        var secret = new FakeVaultSecret(data, previous + 1, time.GetUtcNow(), Deleted: false);
        _secrets[key] = secret;
        return secret;
    }

    public FakeVaultSecret? Read(string mount, string path) =>
        _secrets.TryGetValue(mount + "/" + path.Trim('/'), out var secret) ? secret : null;

    public void SoftDelete(string mount, string path)
    {
        var key = mount + "/" + path.Trim('/');
        if (_secrets.TryGetValue(key, out var secret))
            _secrets[key] = secret with { Deleted = true };
    }

    public FakeVaultToken IssueToken(TimeSpan ttl, bool renewable, string? id = null)
    {
        var token = new FakeVaultToken(id ?? "hvs." + Guid.NewGuid().ToString("N"), ttl, renewable,
            ttl > TimeSpan.Zero ? time.GetUtcNow() + ttl : null);
        _tokens[token.Id] = token;
        return token;
    }

    public FakeVaultToken? ValidToken(string? id)
    {
        if (id is null || !_tokens.TryGetValue(id, out var token))
            return null;
        return token.ExpiresAt is { } expires && time.GetUtcNow() >= expires ? null : token;
    }

    public void Revoke(string id) => _tokens.TryRemove(id, out _);

    public FakeVaultToken Renew(FakeVaultToken token)
    {
        var renewed = token with { ExpiresAt = time.GetUtcNow() + token.Ttl };
        _tokens[token.Id] = renewed;
        return renewed;
    }

    public void AddRole(FakeVaultCertRole role) => _roles[role.Name] = role;

    /// <summary>The role trusting the certificate with <paramref name="thumbprint"/> (only <paramref name="name"/> when given).</summary>
    public FakeVaultCertRole? RoleFor(string thumbprint, string? name) =>
        _roles.Values.FirstOrDefault(r => (string.IsNullOrEmpty(name) || r.Name == name)
            && string.Equals(r.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase));

    /// <summary>KV v1's advisory lease: the secret's <c>ttl</c> key (seconds or 30s/5m/1h), else the 32-day default.</summary>
    public static long LeaseSeconds(JsonObject data)
    {
        const long MountDefault = 2_764_800;
        if (data["ttl"] is not JsonValue value)
            return MountDefault;
        if (value.TryGetValue<long>(out var seconds))
            return seconds;
        var text = value.TryGetValue<string>(out var s) ? s.Trim() : "";
        if (text.Length < 2)
            return long.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n : MountDefault;
        var unit = text[^1] switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        var number = unit == 0 ? text : text[..^1];
        return long.TryParse(number, CultureInfo.InvariantCulture, out var amount) ? amount * Math.Max(unit, 1) : MountDefault;
    }
}
