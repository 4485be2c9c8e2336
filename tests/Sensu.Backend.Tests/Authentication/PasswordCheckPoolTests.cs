using Microsoft.Extensions.Options;
using Sensu.Backend.Authentication;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Authentication;

public sealed class PasswordCheckPoolTests
{
    private sealed class Counting : IPasswordVerifier
    {
        public List<string> Hashes { get; } = [];

        public bool Verify(string password, string hash)
        {
            lock (Hashes)
                Hashes.Add(hash);
            return PasswordHasher.Verify(password, hash);
        }
    }

    [Fact]
    public async Task Unknown_and_disabled_users_are_compared_against_a_dummy_hash_of_the_default_cost()
    {
        var verifier = new Counting();
        using var pool = new PasswordCheckPool(verifier, new VerifiedPasswordCache(), Options.Create(new AuthOptions()));
        var disabled = new User { Username = "d", PasswordHash = PasswordHasher.Hash("secret-1", 4), Disabled = true };

        Assert.Equal(PasswordCheck.Wrong, await pool.CheckAsync(null, "secret-1", CancellationToken.None));
        Assert.Equal(PasswordCheck.Wrong, await pool.CheckAsync(disabled, "secret-1", CancellationToken.None));

        Assert.Equal(2, verifier.Hashes.Count);
        Assert.All(verifier.Hashes, h => Assert.Equal($"$2a${PasswordHasher.DefaultCost:D2}$", h[..7]));
        Assert.NotEqual(disabled.PasswordHash, verifier.Hashes[1]);
    }

    [Fact]
    public async Task A_success_is_remembered_until_the_hash_is_forgotten()
    {
        var verifier = new Counting();
        var cache = new VerifiedPasswordCache();
        using var pool = new PasswordCheckPool(verifier, cache, Options.Create(new AuthOptions()));
        var user = new User { Username = "u", PasswordHash = PasswordHasher.Hash("secret-1", 4) };

        Assert.Equal(PasswordCheck.Verified, await pool.CheckAsync(user, "secret-1", CancellationToken.None));
        Assert.Equal(PasswordCheck.Verified, await pool.CheckAsync(user, "secret-1", CancellationToken.None));
        Assert.Single(verifier.Hashes);
        Assert.Equal(PasswordCheck.Wrong, await pool.CheckAsync(user, "secret-2", CancellationToken.None));

        cache.Forget(user.PasswordHash);
        Assert.Equal(PasswordCheck.Verified, await pool.CheckAsync(user, "secret-1", CancellationToken.None));
        Assert.Equal(3, verifier.Hashes.Count);
    }
}
