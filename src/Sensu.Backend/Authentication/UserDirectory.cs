using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Registry;
using Sensu.Core.Resources.Core;
using Sensu.Store;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Users and API keys for authentication. Logins and writes read the user from the store (and teach
/// <see cref="AuthStateView"/> what they read); per-request checks (API keys) answer from the view. Passwords are
/// checked through <see cref="PasswordCheckPool"/>.
/// </summary>
public sealed class UserDirectory(IResourceReader reader, PasswordCheckPool passwords, AuthStateView view)
{
    public static ResourceKey UserKey(string username) => ResourceKey.Cluster(ResourceRegistry.For<User>().StoreKind, username);

    public static ResourceKey ApiKeyKey(string key) => ResourceKey.Cluster(ResourceRegistry.For<ApiKey>().StoreKind, key);

    public async Task<User?> FindAsync(string username, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(username))
            return null;
        var stored = await reader.GetAsync(UserKey(username), cancellationToken);
        view.ObserveUser(username, stored);
        return stored is null ? null : JsonSerializer.Deserialize(stored.Json, SensuJsonContext.Default.User);
    }

    /// <summary>
    /// The user to check a login against: read from the store, or, when the store cannot be read, as the view
    /// last saw it (logins keep working while the store is unwell).
    /// </summary>
    public async Task<UserEntry?> FindForLoginAsync(string username, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(username))
            return null;
        try
        {
            var user = await FindAsync(username, cancellationToken);
            return user is null ? null : UserEntry.Of(user);
        }
        catch (StoreException)
        {
            return view.Users.Get(username)?.Value;
        }
    }

    /// <summary>The check of <paramref name="password"/> for <paramref name="username"/>, with the user when it exists.</summary>
    public async Task<(PasswordCheck Check, UserEntry? User)> CheckAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await FindForLoginAsync(username, cancellationToken);
        var check = await passwords.CheckAsync(user?.User, password, cancellationToken);
        return (check, user);
    }

    /// <summary>The user when it exists, is enabled and the password matches its bcrypt hash; else null (also when the bcrypt workers are saturated).</summary>
    public async Task<User?> AuthenticateAsync(string username, string password, CancellationToken cancellationToken)
    {
        var (check, user) = await CheckAsync(username, password, cancellationToken);
        return check == PasswordCheck.Verified ? user?.User : null;
    }

    /// <summary>
    /// The enabled user an API key belongs to; null when the key, or its user, is missing or disabled. Answered from
    /// the view; a key or user it has never heard of (created on another backend a moment ago) is read once.
    /// </summary>
    public async Task<User?> FindByApiKeyAsync(string key, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(key, out _))
            return null;
        await view.WaitReadyAsync(cancellationToken);
        if (view.ApiKeys.Get(key) is null)
            view.ObserveApiKey(key, await reader.GetAsync(ApiKeyKey(key), cancellationToken));
        if (view.ApiKeys.Get(key)?.Value is not { } username)
            return null;
        if (view.Users.Get(username) is null)
            view.ObserveUser(username, await reader.GetAsync(UserKey(username), cancellationToken));
        return view.Users.Get(username)?.Value is { User.Disabled: false } user ? user.User : null;
    }
}
