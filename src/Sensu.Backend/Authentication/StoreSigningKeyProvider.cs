using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using Sensu.Store;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Keeps the signing secret in the store (<see cref="AuthStoreKinds.JwtSecrets"/>): the first backend creates
/// 32 random bytes, every other one (and every restart) reads them, so tokens survive restarts and work on any backend.
/// </summary>
public sealed class StoreSigningKeyProvider(IResourceReader reader, IResourceWriter writer, ILogger<StoreSigningKeyProvider> logger)
    : ISigningKeyProvider, IDisposable
{
    private static readonly ResourceKey Key = ResourceKey.Cluster(AuthStoreKinds.JwtSecrets, AuthStoreKinds.SigningKeyName);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SymmetricSecurityKey? _key;

    public async ValueTask<SymmetricSecurityKey> GetKeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
            return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _key ??= await LoadOrCreateAsync(cancellationToken);
            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SymmetricSecurityKey> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var stored = await reader.GetAsync(Key, cancellationToken);
        if (stored is not null)
            return Decode(stored);

        var record = new SigningKeyRecord(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        var json = JsonSerializer.Serialize(record, AuthJsonContext.Default.SigningKeyRecord);
        try
        {
            await writer.CreateAsync(new ResourceWrite(Key, AuthStoreKinds.SigningKeyType, json), cancellationToken);
            Log.SigningKeyCreated(logger);
            return new SymmetricSecurityKey(Convert.FromBase64String(record.Secret));
        }
        catch (AlreadyExistsException)
        {
            // Another backend created it between our read and our write: use theirs.
            stored = await reader.GetAsync(Key, cancellationToken)
                ?? throw new InvalidOperationException("JWT signing key vanished while being created");
            return Decode(stored);
        }
    }

    private static SymmetricSecurityKey Decode(StoredResource stored)
    {
        var record = JsonSerializer.Deserialize(stored.Json, AuthJsonContext.Default.SigningKeyRecord)
            ?? throw new InvalidOperationException("stored JWT signing key is empty");
        var bytes = Convert.FromBase64String(record.Secret);
        if (bytes.Length < 32)
            throw new InvalidOperationException("stored JWT signing key is shorter than 32 bytes");
        return new SymmetricSecurityKey(bytes);
    }
}
