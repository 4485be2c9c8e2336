using System.Security.Cryptography;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// New event ids: random (version 4) UUIDs as Sensu gives events, in the usual lowercase 8-4-4-4-12 form. The
/// bytes come from <see cref="RandomNumberGenerator"/>, which on Linux draws from the crypto library's generator in
/// process; <see cref="Guid.NewGuid"/> reads <c>/dev/urandom</c> with one system call per id, which counts at tens
/// of thousands of events per second.
/// </summary>
public static class EventIds
{
    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        // Guid's byte order keeps the version in the high nibble of byte 7 and the RFC 4122 variant in byte 8.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
