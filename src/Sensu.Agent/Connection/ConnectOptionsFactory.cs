using System.Security.Cryptography.X509Certificates;
using Sensu.Agent.Configuration;
using Sensu.Core.Configuration;
using Sensu.Transport;

namespace Sensu.Agent.Connection;

/// <summary>Turns agent settings into <see cref="AgentConnectOptions"/>: Basic auth, or mTLS when a certificate is set.</summary>
internal static class ConnectOptionsFactory
{
    public static AgentConnectOptions Create(AgentOptions options, IReadOnlyList<string> subscriptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connect = new AgentConnectOptions
        {
            AgentName = options.Name,
            Namespace = options.Namespace,
            Subscriptions = subscriptions,
            InsecureSkipTlsVerify = options.InsecureSkipTlsVerify,
            HandshakeTimeout = TimeSpan.FromSeconds(options.BackendHandshakeTimeout),
            HeartbeatInterval = TimeSpan.FromSeconds(options.BackendHeartbeatInterval),
            HeartbeatTimeout = TimeSpan.FromSeconds(options.BackendHeartbeatTimeout),
        };
        if (options.UsesClientCertificate)
        {
            connect.ClientCertificate = LoadClientCertificate(options.CertFile!, options.KeyFile!);
        }
        else
        {
            connect.User = options.User;
            connect.Password = options.Password;
        }
        if (!string.IsNullOrEmpty(options.TrustedCaFile))
        {
            var cas = new X509Certificate2Collection();
            try
            {
                cas.ImportFromPemFile(options.TrustedCaFile);
            }
            catch (System.Security.Cryptography.CryptographicException ex)
            {
                throw new SettingsException($"trusted-ca-file \"{options.TrustedCaFile}\": {ex.Message}", ex);
            }
            connect.TrustedCaCertificates = cas;
        }
        return connect;
    }

    private static X509Certificate2 LoadClientCertificate(string certFile, string keyFile)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certFile, keyFile);
            // Re-import so the private key is usable by TLS on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new SettingsException($"cert-file/key-file: {ex.Message}", ex);
        }
    }
}
