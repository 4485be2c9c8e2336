using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets.Env;

/// <summary>Builds the <c>Env</c> provider kind.</summary>
public sealed class EnvSecretProviderFactory : SecretProviderFactory<EnvProvider>
{
    protected override ISecretProvider Create(EnvProvider resource) => new EnvSecretProvider(resource.Metadata.Name ?? string.Empty);
}
