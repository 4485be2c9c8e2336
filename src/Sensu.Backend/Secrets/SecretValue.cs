namespace Sensu.Backend.Secrets;

/// <summary>
/// A resolved secret. Its <see cref="ToString"/> is redacted so it cannot leak through string formatting or
/// logging by accident; only <see cref="Reveal"/> gives the clear text, for a child process environment.
/// </summary>
public sealed class SecretValue
{
    public const string Redacted = "REDACTED";

    private readonly string _value;

    public SecretValue(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The clear text. Call it only where the value leaves for the process that needs it.</summary>
    public string Reveal() => _value;

    public override string ToString() => Redacted;
}
