namespace Sensu.Backend.Secrets;

/// <summary>One audit entry: a secret reference resolved (or not) for a consumer. Never carries a value.</summary>
public sealed record SecretResolution(string Namespace, string Secret, string Consumer, string Provider, string Outcome, DateTimeOffset At);
