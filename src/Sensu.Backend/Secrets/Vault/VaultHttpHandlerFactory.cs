using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// The provider's own <see cref="SocketsHttpHandler"/>: TLS 1.2+, server verified against <c>tls.ca_cert</c>
/// and <c>tls.ca_path</c> when given (only those roots, like Vault's client) else the system roots, the host
/// name checked against <c>tls.tls_server_name</c> when given else the address, no check at all with
/// <c>tls.insecure</c>; <c>tls.client_cert</c>/<c>client_key</c> presented for mutual TLS.
/// </summary>
internal static class VaultHttpHandlerFactory
{
    public static SocketsHttpHandler Create(VaultTlsConfig? tls)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 1,
            UseCookies = false,
            UseProxy = false,
        };
        var ssl = new SslClientAuthenticationOptions { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };
        if (tls is not null)
        {
            var roots = LoadRoots(tls);
            var serverName = tls.TlsServerName;
            var insecure = tls.Insecure;
            ssl.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                insecure || IsTrusted(certificate, chain, errors, roots, serverName);
            if (tls.ClientCert.Length > 0 || tls.ClientKey.Length > 0)
            {
                var client = LoadClientCertificate(tls);
                ssl.ClientCertificates = [client];
                ssl.LocalCertificateSelectionCallback = (_, _, _, _, _) => client;
            }
        }
        handler.SslOptions = ssl;
        return handler;
    }

    private static bool IsTrusted(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, X509Certificate2Collection roots, string serverName)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
            return false;
        using var owned = certificate as X509Certificate2 is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        var leaf = owned ?? (X509Certificate2)certificate;
        var nameOk = serverName.Length > 0
            ? leaf.MatchesHostname(serverName)
            : !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch);
        if (!nameOk)
            return false;
        if (roots.Count == 0)
            return !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.CustomTrustStore.AddRange(roots);
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        }
        return custom.Build(leaf);
    }

    private static X509Certificate2Collection LoadRoots(VaultTlsConfig tls)
    {
        var roots = new X509Certificate2Collection();
        if (tls.CaCert.Length > 0)
            ImportPem(roots, tls.CaCert, "tls.ca_cert");
        if (tls.CaPath.Length > 0)
        {
            if (!Directory.Exists(tls.CaPath))
                throw new VaultProviderBuildException($"tls.ca_path \"{tls.CaPath}\" is not a directory on this backend");
            foreach (var file in Directory.EnumerateFiles(tls.CaPath).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".crt", StringComparison.OrdinalIgnoreCase))
                    ImportPem(roots, file, "tls.ca_path");
            }
        }
        return roots;
    }

    private static void ImportPem(X509Certificate2Collection roots, string path, string field)
    {
        if (!File.Exists(path))
            throw new VaultProviderBuildException($"{field} \"{path}\" does not exist on this backend");
        var before = roots.Count;
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new VaultProviderBuildException($"{field} \"{path}\" cannot be read as PEM certificates: {ex.Message}", ex);
        }
        if (roots.Count == before)
            throw new VaultProviderBuildException($"{field} \"{path}\" holds no PEM certificate");
    }

    private static X509Certificate2 LoadClientCertificate(VaultTlsConfig tls)
    {
        if (tls.ClientCert.Length == 0 || tls.ClientKey.Length == 0)
            throw new VaultProviderBuildException("both tls.client_cert and tls.client_key must be provided");
        foreach (var (path, field) in new[] { (tls.ClientCert, "tls.client_cert"), (tls.ClientKey, "tls.client_key") })
        {
            if (!File.Exists(path))
                throw new VaultProviderBuildException($"{field} \"{path}\" does not exist on this backend");
        }
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(tls.ClientCert, tls.ClientKey);
            // A PKCS#12 round trip gives the key a form every platform's TLS stack accepts.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new VaultProviderBuildException($"tls.client_cert \"{tls.ClientCert}\" with tls.client_key \"{tls.ClientKey}\" is not a usable PEM certificate and key: {ex.Message}", ex);
        }
    }
}
