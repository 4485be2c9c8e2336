using Sensu.Backend.Secrets;

namespace Sensu.Backend.Tests.Secrets.ExtensionPoint;

/// <summary>The kind's factory: the only class the secrets machinery needs to know about.</summary>
public sealed class FileSecretProviderFactory : SecretProviderFactory<FileProvider>
{
    protected override ISecretProvider Create(FileProvider resource)
    {
        if (!Directory.Exists(resource.Directory))
            throw new InvalidOperationException($"directory \"{resource.Directory}\" does not exist");
        return new FileSecretProvider(resource.Metadata.Name!, resource.Directory);
    }
}
