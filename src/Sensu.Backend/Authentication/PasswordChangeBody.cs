using System.Text.Json.Serialization;

namespace Sensu.Backend.Authentication;

/// <summary>Body of <c>PUT /users/{name}/password</c> and <c>/reset_password</c>: new password (or, for <c>reset_password</c>, a bcrypt <c>password_hash</c> as the Ansible collection sends), and the current one for self-service.</summary>
public sealed record PasswordChangeBody(
    [property: JsonPropertyName("password_new")] string? PasswordNew,
    [property: JsonPropertyName("password")] string? Password,
    [property: JsonPropertyName("password_hash")] string? PasswordHash = null);
