using Sensu.Backend.Authentication;

namespace Sensu.Backend.Tests.Authentication;

public sealed class PasswordHasherTests
{
    // Known vector from Go's golang.org/x/crypto/bcrypt tests (the library Sensu hashes with).
    private const string GoHash = "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga";

    [Fact]
    public void Hash_then_verify_round_trips_with_Go_prefix_and_default_cost()
    {
        var hash = PasswordHasher.Hash("P@ssw0rd!");
        Assert.StartsWith("$2a$10$", hash, StringComparison.Ordinal);
        Assert.Equal(60, hash.Length);
        Assert.True(PasswordHasher.Verify("P@ssw0rd!", hash));
        Assert.False(PasswordHasher.Verify("P@ssw0rd", hash));
        Assert.True(PasswordHasher.IsBcryptHash(hash));
    }

    [Theory]
    [InlineData("$2a$")]
    [InlineData("$2y$")]
    [InlineData("$2b$")]
    public void Go_bcrypt_hash_verifies_under_every_prefix(string prefix)
    {
        var hash = prefix + GoHash[4..];
        Assert.True(PasswordHasher.Verify("allmine", hash));
        Assert.False(PasswordHasher.Verify("notmine", hash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain-text")]
    [InlineData("$5f$14$.brXRviMZpbaleSq9kjoUuwm67V/s4IziOLGHjEqxJbzPsreQAyNm")]
    public void Malformed_hashes_never_verify(string? hash)
    {
        Assert.False(PasswordHasher.Verify("user_password", hash));
        Assert.False(PasswordHasher.IsBcryptHash(hash));
    }
}
