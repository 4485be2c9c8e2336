using Sensu.Core.Resources.Secrets;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Builds a Vault client from a <see cref="VaultProvider"/> resource. Throws when the resource cannot be
/// built (the registry then registers a <see cref="BrokenSecretProvider"/> with the exception's message).
/// The returned provider may be <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>; the registry
/// disposes it when it is replaced or removed.
/// </summary>
public interface IVaultProviderFactory
{
    ISecretProvider Create(VaultProvider resource);
}
