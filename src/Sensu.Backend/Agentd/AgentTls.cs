using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Sensu.Core.Configuration;

namespace Sensu.Backend.Agentd;

/// <summary>
/// TLS of the agent port: the certificate from <c>agent-auth-cert-file</c>/<c>agent-auth-key-file</c> (else
/// <c>cert-file</c>/<c>key-file</c>), and client certificates checked against <c>agent-auth-trusted-ca-file</c>.
/// </summary>
public sealed class AgentTls
{
    private readonly X509Certificate2Collection? trustedCas;

    public AgentTls(AgentdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.AuthCertFile) && !string.IsNullOrEmpty(options.AuthKeyFile))
            (CertFile, KeyFile) = (options.AuthCertFile, options.AuthKeyFile);
        else if (!string.IsNullOrEmpty(options.CertFile) && !string.IsNullOrEmpty(options.KeyFile))
            (CertFile, KeyFile) = (options.CertFile, options.KeyFile);
        if (!string.IsNullOrEmpty(options.AuthTrustedCaFile))
        {
            trustedCas = [];
            trustedCas.ImportFromPemFile(options.AuthTrustedCaFile);
            if (trustedCas.Count == 0)
                throw new SettingsException($"agent-auth-trusted-ca-file {options.AuthTrustedCaFile} holds no certificate");
        }
        if (trustedCas is not null && CertFile is null)
            throw new SettingsException("agent-auth-trusted-ca-file needs a TLS certificate for the agent port (agent-auth-cert-file and agent-auth-key-file, or cert-file and key-file)");
    }

    public string? CertFile { get; }

    public string? KeyFile { get; }

    public bool Enabled => CertFile is not null;

    /// <summary>True when agents authenticate with client certificates (mTLS); password auth is then refused.</summary>
    public bool ClientCertificatesTrusted => trustedCas is not null;

    public HttpsConnectionAdapterOptions HttpsOptions()
    {
        var https = new HttpsConnectionAdapterOptions
        {
            ServerCertificate = X509Certificate2.CreateFromPemFile(CertFile!, KeyFile),
        };
        if (trustedCas is not null)
        {
            https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => IsTrusted(certificate, out _);
        }
        return https;
    }

    /// <summary>Whether a client certificate chains to one of the trusted CAs and is valid now.</summary>
    public bool IsTrusted(X509Certificate2 certificate, out string? reason)
    {
        if (trustedCas is null)
        {
            reason = "client certificate authentication is not enabled";
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedCas);
        if (chain.Build(certificate))
        {
            reason = null;
            return true;
        }
        reason = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
        return false;
    }

    /// <summary>The certificate's common name: the agent's user.</summary>
    public static string CommonName(X509Certificate2 certificate) =>
        certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
}
