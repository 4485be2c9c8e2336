using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sensu.Backend.Authentication;

/// <summary>
/// Issues and checks Sensu's HS256 tokens. Claims: <c>sub</c>, <c>exp</c>, <c>iat</c>, <c>jti</c>, and for access
/// tokens <c>groups</c>, <c>provider</c>, <c>session_id</c>. Time comes from <see cref="TimeProvider"/>; expiry is
/// checked here (not by the handler) so that an expired but validly signed access token can be refreshed.
/// </summary>
public sealed class JwtTokenService(ISigningKeyProvider keys, TimeProvider time, Microsoft.Extensions.Options.IOptions<AuthOptions> options)
{
    internal const string AccessType = "JWT";
    internal const string RefreshType = "refresh+JWT";
    internal const string BasicProvider = "basic";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<IssuedToken> IssueAccessTokenAsync(string username, IReadOnlyList<string> groups, string sessionId, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["groups"] = groups.ToList(),
            ["provider"] = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["provider_id"] = BasicProvider,
                ["provider_type"] = BasicProvider,
                ["user_id"] = username,
            },
            ["session_id"] = sessionId,
        };
        return await IssueAsync(username, claims, AccessType, options.Value.AccessTokenLifetime, cancellationToken);
    }

    public async Task<IssuedToken> IssueRefreshTokenAsync(string username, string sessionId, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["session_id"] = sessionId };
        return await IssueAsync(username, claims, RefreshType, options.Value.RefreshTokenLifetime, cancellationToken);
    }

    /// <summary>A refresh token that ends at <paramref name="expiresAt"/> (a rotated token keeps its session's end).</summary>
    public async Task<IssuedToken> IssueRefreshTokenAsync(string username, string sessionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["session_id"] = sessionId };
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var lifetime = expiresAt > now ? expiresAt - now : TimeSpan.FromSeconds(1);
        return await IssueAsync(username, claims, RefreshType, lifetime, cancellationToken);
    }

    /// <summary>
    /// Checks signature, algorithm and kind; returns null when any fails. Expired tokens come back with
    /// <see cref="SensuClaims.Expired"/> set: callers decide whether they may be used.
    /// </summary>
    public async Task<SensuClaims?> ValidateAsync(string token, TokenUse use, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
            return null;
        var key = await keys.GetKeyAsync(cancellationToken);
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [use == TokenUse.Access ? AccessType : RefreshType],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
            return null;
        if (string.IsNullOrEmpty(jwt.Subject) || !jwt.TryGetPayloadValue<long>("exp", out var exp))
            return null;

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp);
        var groups = jwt.Claims.Where(c => c.Type == "groups").Select(c => c.Value).ToList();
        jwt.TryGetPayloadValue<string>("session_id", out var sessionId);
        return new SensuClaims(jwt.Subject, groups, jwt.Id ?? string.Empty, sessionId, expiresAt, expiresAt <= time.GetUtcNow());
    }

    private async Task<IssuedToken> IssueAsync(string subject, Dictionary<string, object> claims, string type, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var key = await keys.GetKeyAsync(cancellationToken);
        var now = time.GetUtcNow();
        // JWT times are whole seconds; round down so that exp - iat is exactly the lifetime.
        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var expiresAt = issuedAt + lifetime;
        var id = Guid.NewGuid().ToString();
        claims["sub"] = subject;
        claims["jti"] = id;
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = issuedAt.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            TokenType = type,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(_handler.CreateToken(descriptor), id, expiresAt);
    }
}
