using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sensu.Backend.Resources;
using Sensu.Core.Meta;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>
/// Refuses a VaultProvider whose TLS files are missing or unreadable on this backend with a 400 naming the
/// field and the file (Sensu answers 500 with no detail).
/// </summary>
public sealed class VaultProviderTlsCheck : IResourceWriteHook
{
    public bool AppliesTo(ResourceType type) => type.ClrType == typeof(VaultProvider);

    public ValueTask BeforeWriteAsync(ResourceType type, IResource resource, CancellationToken cancellationToken)
    {
        if (resource is VaultProvider { Client.Tls: { } tls })
        {
            if (tls.CaCert.Length > 0)
                LoadCertificates(tls.CaCert, "tls.ca_cert");
            if (tls.ClientCert.Length > 0 || tls.ClientKey.Length > 0)
            {
                if (tls.ClientCert.Length == 0 || tls.ClientKey.Length == 0)
                    throw ResourceException.Invalid("tls.client_cert and tls.client_key must be given together");
                RequireFile(tls.ClientCert, "tls.client_cert");
                RequireFile(tls.ClientKey, "tls.client_key");
                try
                {
                    using var _ = X509Certificate2.CreateFromPemFile(tls.ClientCert, tls.ClientKey);
                }
                catch (CryptographicException ex)
                {
                    throw ResourceException.Invalid($"tls.client_cert \"{tls.ClientCert}\" with tls.client_key \"{tls.ClientKey}\": not a valid PEM certificate and key: {ex.Message}");
                }
            }
        }
        return ValueTask.CompletedTask;
    }

    private static void LoadCertificates(string path, string field)
    {
        RequireFile(path, field);
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPemFile(path);
        }
        catch (CryptographicException ex)
        {
            throw ResourceException.Invalid($"{field} \"{path}\": not a valid PEM certificate: {ex.Message}");
        }
        if (collection.Count == 0)
            throw ResourceException.Invalid($"{field} \"{path}\": no PEM certificate found");
        foreach (var certificate in collection)
            certificate.Dispose();
    }

    private static void RequireFile(string path, string field)
    {
        if (!File.Exists(path))
            throw ResourceException.Invalid($"{field} \"{path}\" does not exist on the backend");
    }
}
