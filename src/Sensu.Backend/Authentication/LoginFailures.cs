namespace Sensu.Backend.Authentication;

/// <summary>Failed logins of one user name or one client address: how many in a row, the last one, and the lock they earned.</summary>
public sealed record LoginFailures(int Count, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
