using System.Text.Json.Serialization;

namespace Sensu.Backend.Authentication;

/// <summary>Source-generated JSON for authentication bodies and internal records.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenPairBody))]
[JsonSerializable(typeof(RefreshTokenBody))]
[JsonSerializable(typeof(PasswordChangeBody))]
[JsonSerializable(typeof(ApiKeyRequestBody))]
[JsonSerializable(typeof(SigningKeyRecord))]
[JsonSerializable(typeof(SessionRecord))]
internal sealed partial class AuthJsonContext : JsonSerializerContext
{
}
