using Microsoft.IdentityModel.Tokens;

namespace Sensu.Backend.Authentication;

/// <summary>The HS256 key every backend of a cluster signs and checks tokens with.</summary>
public interface ISigningKeyProvider
{
    ValueTask<SymmetricSecurityKey> GetKeyAsync(CancellationToken cancellationToken);
}
