using Microsoft.Extensions.Options;

namespace Sensu.Backend.Authentication;

/// <summary>Checks <see cref="AuthOptions"/> at start.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate().Select(r => r.ErrorMessage ?? "invalid auth options").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
