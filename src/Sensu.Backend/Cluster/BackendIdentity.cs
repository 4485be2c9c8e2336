using System.Security.Cryptography;

namespace Sensu.Backend.Cluster;

/// <summary>
/// This backend process among the cluster's: an id that is new at every start (two backends on one host, or one
/// restarted, never share one), the host name (<see cref="BackendEntity.Name"/>) for people to read.
/// </summary>
public sealed class BackendIdentity
{
    public BackendIdentity(string id, string hostName)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        HostName = hostName;
    }

    public string Id { get; }

    public string HostName { get; }

    /// <summary>The host name and 8 random hex digits.</summary>
    public static BackendIdentity Create(string hostName, string? configuredId) =>
        new(string.IsNullOrEmpty(configuredId) ? $"{hostName}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}" : configuredId, hostName);

    /// <summary>A stable number for Sensu's <c>MemberID</c> fields: the first 8 bytes of the id's SHA-256.</summary>
    public static ulong MemberNumber(string id) =>
        BitConverter.ToUInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0);
}
