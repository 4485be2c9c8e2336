namespace Sensu.Testing.Vault;

/// <summary>One request the fake Vault received: when (system clock), what, with which token, and the answer.</summary>
public sealed record FakeVaultRequest(DateTimeOffset At, string Method, string Path, string? Token, bool ClientCertificate, int Status);
