using Sensu.Backend.Authentication;

namespace Sensu.Backend.Tests.Authentication;

/// <summary>The cache of successful verifications never turns a wrong password, or a changed one, into a success.</summary>
public sealed class VerifiedPasswordCacheTests
{
    [Fact]
    public void A_verified_password_stays_verified_and_a_wrong_one_never_is()
    {
        var cache = new VerifiedPasswordCache();
        var hash = PasswordHasher.Hash("P@ssw0rd!", cost: 4);

        Assert.True(cache.Verify("P@ssw0rd!", hash));
        Assert.True(cache.Verify("P@ssw0rd!", hash));
        Assert.False(cache.Verify("P@ssw0rd", hash));
        Assert.False(cache.Verify("", hash));
        Assert.False(cache.Verify("P@ssw0rd!", null));
    }

    [Fact]
    public void A_changed_hash_retires_the_remembered_success()
    {
        var cache = new VerifiedPasswordCache();
        var old = PasswordHasher.Hash("old-secret", cost: 4);
        Assert.True(cache.Verify("old-secret", old));

        var changed = PasswordHasher.Hash("new-secret", cost: 4);
        Assert.False(cache.Verify("old-secret", changed));
        Assert.True(cache.Verify("new-secret", changed));
    }

    [Fact]
    public void A_forgotten_hash_is_no_longer_remembered()
    {
        var cache = new VerifiedPasswordCache();
        var hash = PasswordHasher.Hash("P@ssw0rd!", cost: 4);
        cache.Remember("P@ssw0rd!", hash);
        Assert.True(cache.IsVerified("P@ssw0rd!", hash));
        Assert.False(cache.IsVerified("other", hash));

        cache.Forget(hash);

        Assert.False(cache.IsVerified("P@ssw0rd!", hash));
    }
}
