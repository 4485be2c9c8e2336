namespace Sensu.Core.Resources.Core;

/// <summary>
/// One entry of <c>secrets</c> on a check, handler or mutator (secrets-spec §1.2): the environment variable
/// <see cref="Name"/> the command sees gets the value of the Secret resource <see cref="Secret"/> (same namespace).
/// </summary>
public sealed class SecretReference
{
    public string Name { get; set; } = "";

    public string Secret { get; set; } = "";
}
