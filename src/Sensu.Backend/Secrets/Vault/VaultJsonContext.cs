using System.Text.Json.Serialization;

namespace Sensu.Backend.Secrets.Vault;

/// <summary>Source-generated JSON for the bodies of Vault's HTTP API (snake_case, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(VaultErrorResponse))]
[JsonSerializable(typeof(VaultKvV1Response))]
[JsonSerializable(typeof(VaultKvV2Response))]
[JsonSerializable(typeof(VaultAuthResponse))]
[JsonSerializable(typeof(VaultCertLoginRequest))]
internal sealed partial class VaultJsonContext : JsonSerializerContext;
