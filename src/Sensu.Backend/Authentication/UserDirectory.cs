using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Authentication;

/// <summary>Reads users and API keys from the store for authentication, and checks passwords.</summary>
public sealed class UserDirectory(IResourceReader reader, VerifiedPasswordCache passwords)
{
    public static ResourceKey UserKey(string username) => ResourceKey.Cluster(ResourceRegistry.For<User>().StoreKind, username);

    public static ResourceKey ApiKeyKey(string key) => ResourceKey.Cluster(ResourceRegistry.For<ApiKey>().StoreKind, key);

    public async Task<User?> FindAsync(string username, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(username))
            return null;
        var stored = await reader.GetAsync(UserKey(username), cancellationToken).ConfigureAwait(false);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.User);
    }

    /// <summary>The user when it exists, is enabled and the password matches its bcrypt hash; else null.</summary>
    public async Task<User?> AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await FindAsync(username, cancellationToken).ConfigureAwait(false);
        if (user is null || user.Disabled || !passwords.Verify(password, user.PasswordHash))
            return null;
        return user;
    }

    /// <summary>The enabled user an API key belongs to; null when the key, or its user, is missing or disabled.</summary>
    public async Task<User?> FindByApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out _))
            return null;
        var stored = await reader.GetAsync(ApiKeyKey(key), cancellationToken).ConfigureAwait(false);
        if (stored is null)
            return null;
        var apiKey = JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.ApiKey);
        if (apiKey is null || string.IsNullOrEmpty(apiKey.Username))
            return null;
        var user = await FindAsync(apiKey.Username, cancellationToken).ConfigureAwait(false);
        return user is { Disabled: false } ? user : null;
    }
}
