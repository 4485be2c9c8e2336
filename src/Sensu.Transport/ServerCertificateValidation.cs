using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sensu.Transport;

/// <summary>Checks the backend's certificate: system trust, or only the configured CAs, or nothing when told to skip.</summary>
internal static class ServerCertificateValidation
{
    public static bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, AgentConnectOptions options)
    {
        if (options.InsecureSkipTlsVerify)
        {
            return true;
        }
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is null || options.TrustedCaCertificates is not { Count: > 0 })
        {
            return false;
        }
        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(options.TrustedCaCertificates);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var leaf = new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
