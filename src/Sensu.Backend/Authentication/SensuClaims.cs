namespace Sensu.Backend.Authentication;

/// <summary>What a validated Sensu token says (core v2 <c>Claims</c>): who, which groups, which session, until when.</summary>
public sealed record SensuClaims(
    string Subject,
    IReadOnlyList<string> Groups,
    string TokenId,
    string? SessionId,
    DateTimeOffset ExpiresAt,
    bool Expired);
