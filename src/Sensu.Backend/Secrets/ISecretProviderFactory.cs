using Sensu.Core.Meta;

namespace Sensu.Backend.Secrets;

/// <summary>
/// Builds the working provider of one provider kind (a resource type of <c>secrets/v1</c>, such as <c>Env</c> or
/// <c>VaultProvider</c>). Each kind registers its factory (see <see cref="SecretProviderFactory{TResource}"/>);
/// <see cref="SecretProviderBuilder"/> picks the one for a stored provider's type. <see cref="Create"/> throws when the
/// resource cannot be built: the registry then keeps a <see cref="BrokenSecretProvider"/> with the message. The provider
/// may be <see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>; the registry disposes it when it is replaced.
/// </summary>
public interface ISecretProviderFactory
{
    /// <summary>The provider resource's CLR type (registered in Core's resource registry).</summary>
    Type ResourceType { get; }

    ISecretProvider Create(IResource resource);
}
