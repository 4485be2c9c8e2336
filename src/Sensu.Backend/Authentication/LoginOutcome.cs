namespace Sensu.Backend.Authentication;

/// <summary>A login's answer: its status, the tokens when it opened a session, and how long to wait when throttled or busy.</summary>
public sealed record LoginOutcome(LoginStatus Status, TokenPairBody? Tokens = null, TimeSpan? RetryAfter = null)
{
    public static LoginOutcome Refused { get; } = new(LoginStatus.Refused);

    public static LoginOutcome Busy { get; } = new(LoginStatus.Busy, RetryAfter: TimeSpan.FromSeconds(1));
}
