using System.Text.Json.Serialization;

namespace Sensu.Backend.Authentication;

/// <summary>Body of <c>PUT /users/{name}/password</c> and <c>/reset_password</c>: new password, and the current one for self-service.</summary>
public sealed record PasswordChangeBody(
    [property: JsonPropertyName("password_new")] string? PasswordNew,
    [property: JsonPropertyName("password")] string? Password);
