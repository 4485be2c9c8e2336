using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Sensu.Backend.Dashboard.Auth;

/// <summary>
/// The server-side half of dashboard sign-ins: an unguessable reference (the cookie's value) to a
/// <see cref="DashboardSession"/>. Only the reference's SHA-256 is kept, so this map never holds a usable cookie.
/// Whether a session is still live is decided by <see cref="Authentication.AuthSessions"/>, not here.
/// </summary>
public sealed class DashboardSessions
{
    private readonly ConcurrentDictionary<string, DashboardSession> _sessions = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="session"/> and returns the reference the browser will hold.</summary>
    public string Open(DashboardSession session)
    {
        var reference = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        _sessions[Digest(reference)] = session;
        return reference;
    }

    public DashboardSession? Find(string? reference) =>
        string.IsNullOrEmpty(reference) ? null : _sessions.GetValueOrDefault(Digest(reference));

    /// <summary>The session a digest (as carried in the principal) names.</summary>
    public DashboardSession? FindByDigest(string digest) => _sessions.GetValueOrDefault(digest);

    public DashboardSession? Remove(string? reference) =>
        !string.IsNullOrEmpty(reference) && _sessions.TryRemove(Digest(reference), out var session) ? session : null;

    public void RemoveDigest(string digest) => _sessions.TryRemove(digest, out _);

    public static string Digest(string reference) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(reference)));
}
