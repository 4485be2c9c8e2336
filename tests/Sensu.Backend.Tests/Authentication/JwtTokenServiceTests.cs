using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Sensu.Backend.Authentication;
using Sensu.Backend.Tests.Support;
using Sensu.Store;

namespace Sensu.Backend.Tests.Authentication;

public sealed class JwtTokenServiceTests : IDisposable
{
    private readonly SqliteTestStore _store = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly StoreSigningKeyProvider _keys;
    private readonly JwtTokenService _tokens;

    public JwtTokenServiceTests()
    {
        _keys = new StoreSigningKeyProvider(_store, _store, NullLogger<StoreSigningKeyProvider>.Instance);
        _tokens = new JwtTokenService(_keys, _time, Options.Create(new AuthOptions()));
    }

    public void Dispose()
    {
        _keys.Dispose();
        _store.Dispose();
    }

    [Fact]
    public async Task Access_token_carries_Sensu_claims_and_validates()
    {
        var issued = await _tokens.IssueAccessTokenAsync("alice", ["ops", "system:users"], "s-1", CancellationToken.None);

        Assert.Equal(_time.GetUtcNow().AddMinutes(5), issued.ExpiresAt);
        var jwt = new JsonWebToken(issued.Token);
        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal("alice", jwt.Subject);
        Assert.Equal(issued.TokenId, jwt.Id);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeSeconds(), jwt.GetPayloadValue<long>("iat"));
        Assert.Equal("s-1", jwt.GetPayloadValue<string>("session_id"));
        using var payload = JsonDocument.Parse(Base64UrlDecode(jwt.EncodedPayload));
        var provider = payload.RootElement.GetProperty("provider");
        Assert.Equal("basic", provider.GetProperty("provider_id").GetString());
        Assert.Equal("basic", provider.GetProperty("provider_type").GetString());
        Assert.Equal("alice", provider.GetProperty("user_id").GetString());
        Assert.Equal(["ops", "system:users"], payload.RootElement.GetProperty("groups").EnumerateArray().Select(e => e.GetString()));

        var claims = await _tokens.ValidateAsync(issued.Token, TokenUse.Access, CancellationToken.None);
        Assert.NotNull(claims);
        Assert.Equal("alice", claims.Subject);
        Assert.Equal(["ops", "system:users"], claims.Groups);
        Assert.Equal("s-1", claims.SessionId);
        Assert.False(claims.Expired);
    }

    [Fact]
    public async Task Token_expires_with_the_clock_but_stays_validly_signed()
    {
        var issued = await _tokens.IssueAccessTokenAsync("alice", [], "s-1", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        Assert.False((await _tokens.ValidateAsync(issued.Token, TokenUse.Access, CancellationToken.None))!.Expired);
        _time.Advance(TimeSpan.FromSeconds(1));
        var claims = await _tokens.ValidateAsync(issued.Token, TokenUse.Access, CancellationToken.None);
        Assert.NotNull(claims);
        Assert.True(claims.Expired);
    }

    [Fact]
    public async Task Refresh_token_lasts_twelve_hours_and_is_not_an_access_token()
    {
        var refresh = await _tokens.IssueRefreshTokenAsync("alice", "s-1", CancellationToken.None);
        Assert.Equal(_time.GetUtcNow().AddHours(12), refresh.ExpiresAt);
        Assert.Null(await _tokens.ValidateAsync(refresh.Token, TokenUse.Access, CancellationToken.None));
        Assert.NotNull(await _tokens.ValidateAsync(refresh.Token, TokenUse.Refresh, CancellationToken.None));
    }

    [Fact]
    public async Task Tampered_or_foreign_tokens_are_rejected()
    {
        var issued = await _tokens.IssueAccessTokenAsync("alice", [], "s-1", CancellationToken.None);
        var parts = issued.Token.Split('.');
        var forged = parts[0] + "." + Base64UrlEncode("{\"sub\":\"admin\",\"exp\":9999999999}") + "." + parts[2];
        Assert.Null(await _tokens.ValidateAsync(forged, TokenUse.Access, CancellationToken.None));
        Assert.Null(await _tokens.ValidateAsync("not-a-jwt", TokenUse.Access, CancellationToken.None));

        using var otherStore = new SqliteTestStore();
        using var otherKeys = new StoreSigningKeyProvider(otherStore, otherStore, NullLogger<StoreSigningKeyProvider>.Instance);
        var other = new JwtTokenService(otherKeys, _time, Options.Create(new AuthOptions()));
        Assert.Null(await other.ValidateAsync(issued.Token, TokenUse.Access, CancellationToken.None));
    }

    [Fact]
    public async Task Signing_key_is_kept_in_the_store_and_shared()
    {
        var issued = await _tokens.IssueAccessTokenAsync("alice", [], "s-1", CancellationToken.None);
        var stored = await _store.GetAsync(ResourceKey.Cluster(AuthStoreKinds.JwtSecrets, AuthStoreKinds.SigningKeyName), CancellationToken.None);
        Assert.NotNull(stored);

        // A second backend (or a restart) over the same store accepts the token.
        using var restartedKeys = new StoreSigningKeyProvider(_store, _store, NullLogger<StoreSigningKeyProvider>.Instance);
        var restarted = new JwtTokenService(restartedKeys, _time, Options.Create(new AuthOptions()));
        Assert.NotNull(await restarted.ValidateAsync(issued.Token, TokenUse.Access, CancellationToken.None));
        Assert.Equal(32, (await restartedKeys.GetKeyAsync(CancellationToken.None)).Key.Length);
    }

    [Fact]
    public void Options_validation_refuses_non_positive_lifetimes()
    {
        var validator = new AuthOptionsValidator();
        Assert.True(validator.Validate(null, new AuthOptions()).Succeeded);
        Assert.True(validator.Validate(null, new AuthOptions { AccessTokenLifetime = TimeSpan.Zero }).Failed);
        Assert.True(validator.Validate(null, new AuthOptions { RefreshTokenLifetime = TimeSpan.FromMinutes(1) }).Failed);
    }

    private static string Base64UrlDecode(string value) =>
        System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value));

    private static string Base64UrlEncode(string value) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(value);
}
