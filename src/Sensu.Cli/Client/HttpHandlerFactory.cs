using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sensu.Cli.Config;

namespace Sensu.Cli.Client;

/// <summary>Builds the HTTP handler: trusted CA file (PEM) as the only trust anchor, or no verification when asked.</summary>
public static class HttpHandlerFactory
{
    public static HttpMessageHandler Create(CliSettings settings, CliIo io)
    {
        if (io.HandlerFactory is not null)
            return io.HandlerFactory();
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        if (settings.InsecureSkipTlsVerify)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else if (!string.IsNullOrEmpty(settings.TrustedCaFile))
        {
            var roots = LoadCa(settings.TrustedCaFile);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                Validate(certificate, errors, roots);
        }
        return handler;
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(path);
            if (roots.Count == 0)
                throw new CliException($"trusted CA file {path} holds no certificate");
            return roots;
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read trusted CA file {path}: {ex.Message}", ex);
        }
    }

    private static bool Validate(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
