using System.Text.Json.Nodes;

namespace Sensu.Testing.Vault;

/// <summary>The latest version of a stored secret (KV v1 keeps version 1 only).</summary>
internal sealed record FakeVaultSecret(JsonObject Data, int Version, DateTimeOffset Created, bool Deleted);
