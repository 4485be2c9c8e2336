using System.Text.RegularExpressions;

namespace Sensu.Core.Validation;

/// <summary>Sensu's shared validation rules (core-spec §2). Each throws <see cref="ResourceValidationException"/>.</summary>
public static partial class Validators
{
    [GeneratedRegex(@"\A[A-Za-z0-9_.\-:]+\z")]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"\A[a-z0-9_.\-]+\z")]
    private static partial Regex StrictNameRegex();

    [GeneratedRegex(@"\A[A-Za-z0-9_.\-]+(:?[A-Za-z0-9_.\-]+)?\z")]
    private static partial Regex SubscriptionRegex();

    [GeneratedRegex(@"\A[A-Za-z0-9_/.\-:]+\z")]
    private static partial Regex AssetNameRegex();

    public static bool IsName(string? value) => !string.IsNullOrEmpty(value) && NameRegex().IsMatch(value);

    public static bool IsStrictName(string? value) => !string.IsNullOrEmpty(value) && StrictNameRegex().IsMatch(value);

    public static bool IsSubscriptionName(string? value) => !string.IsNullOrEmpty(value) && SubscriptionRegex().IsMatch(value);

    public static bool IsAssetName(string? value) => !string.IsNullOrEmpty(value) && AssetNameRegex().IsMatch(value);

    /// <summary>Name regex rule: "name must not be empty" / "name cannot contain spaces or special characters".</summary>
    public static void Name(string? value, string field = "name")
    {
        if (string.IsNullOrEmpty(value))
            throw new ResourceValidationException($"{field} must not be empty");
        if (!NameRegex().IsMatch(value))
            throw new ResourceValidationException($"{field} cannot contain spaces or special characters");
    }

    /// <summary>Strict (lower-case) name rule used by usernames.</summary>
    public static void StrictName(string? value, string field = "name")
    {
        if (string.IsNullOrEmpty(value))
            throw new ResourceValidationException($"{field} must not be empty");
        if (!StrictNameRegex().IsMatch(value))
            throw new ResourceValidationException($"{field} must be lower-case letters, digits, '_', '.' or '-'");
    }

    /// <summary>Subscription rule (at most one ':'), used by silences and RBAC resource names.</summary>
    public static void SubscriptionName(string? value, string field = "name")
    {
        if (string.IsNullOrEmpty(value))
            throw new ResourceValidationException($"{field} must not be empty");
        if (!SubscriptionRegex().IsMatch(value))
            throw new ResourceValidationException($"{field} cannot contain spaces or special characters");
    }

    /// <summary>Asset name rule (slashes allowed: <c>sensu/sensu-slack-handler</c>), with Sensu's asset-name messages.</summary>
    public static void AssetName(string? value, string field = "name")
    {
        if (string.IsNullOrEmpty(value))
            throw new ResourceValidationException($"{field} cannot be empty");
        if (!AssetNameRegex().IsMatch(value))
            throw new ResourceValidationException($"{field} may only contain letters, forward slashes, underscores, dashes and numbers");
    }

    /// <summary>Namespaced resources must have a namespace.</summary>
    public static void NamespaceSet(string? value)
    {
        if (string.IsNullOrEmpty(value))
            throw new ResourceValidationException("namespace must be set");
    }

    /// <summary><c>env_vars</c>: every item KEY=VALUE with both parts non-empty.</summary>
    public static void EnvVars(IEnumerable<string>? vars)
    {
        if (vars is null) return;
        foreach (var v in vars)
        {
            var eq = v.IndexOf('=');
            if (eq <= 0 || eq == v.Length - 1)
                throw new ResourceValidationException("environment variables must be of the form FOO=BAR");
        }
    }
}
