namespace Sensu.Backend.Secrets;

/// <summary>A resolved value and how long it may be cached (Vault's <c>lease_duration</c>; null when the source says nothing).</summary>
public sealed record SecretLookup(SecretValue Value, TimeSpan? Lease);
