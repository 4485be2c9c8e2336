using System.ComponentModel.DataAnnotations;

namespace Sensu.Backend.Secrets;

/// <summary>Validates <c>--child-env-allow-list</c> with <see cref="ChildEnvironmentAllowList.Problems"/> when settings are loaded.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidChildEnvAllowListAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = ChildEnvironmentAllowList.Problems(value as string).ToList();
        return problems.Count == 0 ? ValidationResult.Success : new ValidationResult(string.Join("; ", problems));
    }
}
