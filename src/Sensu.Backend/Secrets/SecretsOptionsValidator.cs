using Microsoft.Extensions.Options;

namespace Sensu.Backend.Secrets;

/// <summary>Refuses invalid <see cref="SecretsOptions"/> at start with the reason.</summary>
internal sealed class SecretsOptionsValidator : IValidateOptions<SecretsOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretsOptions options) =>
        options.Validate() is { } reason ? ValidateOptionsResult.Fail(reason) : ValidateOptionsResult.Success;
}
