using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// core/v2 User. No metadata object in JSON: <see cref="Metadata"/>.Name is the username.
/// <para>
/// Password handling, as Sensu's user actions do: <c>password</c> is serialised when set so that clients
/// (sensuctl) can send it, but the backend hashes it into <c>password_hash</c> and never stores it; every answer
/// (GET, list, and so <c>sensuctl dump</c>) goes through <see cref="ForOutput"/>, which drops both
/// <c>password</c> and <c>password_hash</c>. A dumped user therefore needs a password or hash before it can be
/// created on another backend (Sensu's backup docs say the same).
/// </para>
/// </summary>
public sealed class User : IResource, IJsonOnDeserialized
{
    public const int MinimumPasswordLength = 8;

    private ObjectMeta _metadata = new();

    public string? Username
    {
        get => _metadata.Name;
        set => _metadata.Name = value;
    }

    /// <summary>Clear-text password: input only (see the class remarks).</summary>
    public string? Password { get; set; }

    public List<string>? Groups { get; set; }

    public bool Disabled { get; set; }

    public string? PasswordHash { get; set; }

    [JsonIgnore]
    public ObjectMeta Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new ObjectMeta();
    }

    public void Validate()
    {
        if (string.IsNullOrEmpty(Username))
            throw new ResourceValidationException("username must not be empty");
        if (!Validators.IsStrictName(Username))
            throw new ResourceValidationException("username cannot contain spaces or special characters");
    }

    /// <summary>Password rules applied when a password is created or changed.</summary>
    public void ValidatePassword()
    {
        if (string.IsNullOrEmpty(Password))
            throw new ResourceValidationException("password can't be empty");
        if (Password.Length < MinimumPasswordLength)
            throw new ResourceValidationException($"password length must be at least {MinimumPasswordLength} characters");
    }

    /// <summary>A copy safe to return from the API: same fields, without <c>password</c> and <c>password_hash</c>.</summary>
    public User ForOutput() => new()
    {
        Username = Username,
        Groups = Groups is null ? null : [.. Groups],
        Disabled = Disabled,
    };

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Username is { Length: 0 }) Username = null;
        if (Password is { Length: 0 }) Password = null;
        if (Groups is { Count: 0 }) Groups = null;
        if (PasswordHash is { Length: 0 }) PasswordHash = null;
    }
}
