using System.Security.Cryptography.X509Certificates;

namespace Sensu.Testing.Vault;

/// <summary>How to start a <see cref="FakeVault"/>.</summary>
public sealed class FakeVaultOptions
{
    /// <summary>Serve HTTPS with this certificate (and accept client certificates for cert auth); null: plain HTTP.</summary>
    public X509Certificate2? ServerCertificate { get; init; }

    /// <summary>Clock for token expiry; the system clock by default.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>A token that never expires and may read everything.</summary>
    public string RootToken { get; init; } = "root-" + Guid.NewGuid().ToString("N");
}
