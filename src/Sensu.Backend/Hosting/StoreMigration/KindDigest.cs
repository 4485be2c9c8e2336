namespace Sensu.Backend.Hosting.StoreMigration;

/// <summary>How many items of one kind a store holds and the SHA-256 (hex) over them in key order.</summary>
public sealed record KindDigest(string Kind, long Count, string Sha256);
