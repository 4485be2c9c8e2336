using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sensu.Testing.Vault;

/// <summary>
/// A throw-away PKI for TLS tests, written as PEM files under a temporary directory: a CA, a server certificate
/// for 127.0.0.1/localhost, a client certificate from the same CA, and a client certificate from another CA.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(string directory, X509Certificate2 ca, X509Certificate2 server, X509Certificate2 client, X509Certificate2 otherClient)
    {
        Directory = directory;
        Ca = ca;
        Server = server;
        Client = client;
        OtherClient = otherClient;
    }

    public string Directory { get; }

    public X509Certificate2 Ca { get; }

    /// <summary>Server certificate (with private key) for 127.0.0.1 and localhost, issued by <see cref="Ca"/>.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>Client certificate (with private key) issued by <see cref="Ca"/>.</summary>
    public X509Certificate2 Client { get; }

    /// <summary>A client certificate from a different CA: the "wrong" certificate.</summary>
    public X509Certificate2 OtherClient { get; }

    public string CaCertPath => Path.Combine(Directory, "ca.pem");

    /// <summary>PEM files of <see cref="Server"/>, for servers started as processes (a backend's agent listener).</summary>
    public string ServerCertPath => Path.Combine(Directory, "server.pem");

    public string ServerKeyPath => Path.Combine(Directory, "server-key.pem");

    public string ClientCertPath => Path.Combine(Directory, "client.pem");

    public string ClientKeyPath => Path.Combine(Directory, "client-key.pem");

    public string OtherClientCertPath => Path.Combine(Directory, "other-client.pem");

    public string OtherClientKeyPath => Path.Combine(Directory, "other-client-key.pem");

    public static TestCertificates Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sensu-test-pki-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var ca = CreateCa("CN=Sensu Test CA", caKey);
        using var otherCaKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherCa = CreateCa("CN=Other Test CA", otherCaKey);

        var server = Issue(ca, "CN=127.0.0.1", serverAuth: true, out var serverKey);
        var client = Issue(ca, "CN=sensu-backend.example.com", serverAuth: false, out var clientKey);
        var other = Issue(otherCa, "CN=sensu-backend.example.com", serverAuth: false, out var otherKey);
        File.WriteAllText(Path.Combine(directory, "ca.pem"), ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server.pem"), server.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "server-key.pem"), serverKey);
        File.WriteAllText(Path.Combine(directory, "client.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "client-key.pem"), clientKey);
        File.WriteAllText(Path.Combine(directory, "other-client.pem"), other.ExportCertificatePem());
        File.WriteAllText(Path.Combine(directory, "other-client-key.pem"), otherKey);
        return new TestCertificates(directory, ca, server, client, other);
    }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
        OtherClient.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }

    private static X509Certificate2 CreateCa(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string subject, bool serverAuth, out string keyPem)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [serverAuth ? new Oid("1.3.6.1.5.5.7.3.1") : new Oid("1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var now = TimeProvider.System.GetUtcNow();
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        using var issued = request.Create(ca, now.AddDays(-1), now.AddMonths(6), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        keyPem = key.ExportPkcs8PrivateKeyPem();
        // A PKCS#12 round trip gives the key a form every platform's TLS stack accepts.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
