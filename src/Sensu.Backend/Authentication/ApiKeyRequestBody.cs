using System.Text.Json.Serialization;

namespace Sensu.Backend.Authentication;

/// <summary>Body of <c>POST /api/core/v2/apikeys</c>.</summary>
public sealed record ApiKeyRequestBody([property: JsonPropertyName("username")] string? Username);
