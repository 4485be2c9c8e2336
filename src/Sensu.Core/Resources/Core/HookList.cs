using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// One entry of a check's <c>check_hooks</c>: the hooks to run when the result matches <see cref="Type"/>.
/// JSON shape is Sensu's single-key object <c>{"critical": ["hook1", "hook2"]}</c>.
/// </summary>
[JsonConverter(typeof(HookListJsonConverter))]
public sealed partial class HookList
{
    /// <summary>Named severities a hook list may use besides "0".."255".</summary>
    public static IReadOnlyList<string> Severities { get; } = ["ok", "warning", "critical", "unknown", "non-zero"];

    [GeneratedRegex(@"\A(?:[0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\z")]
    private static partial Regex StatusRegex();

    /// <summary>"0".."255", ok, warning, critical, unknown or non-zero.</summary>
    public string Type { get; set; } = "";

    public List<string> Hooks { get; set; } = [];

    /// <summary>True when a check result with exit <paramref name="status"/> triggers these hooks (core-spec §3.3).</summary>
    public bool Matches(uint status) => Type switch
    {
        "ok" => status == 0,
        "warning" => status == 1,
        "critical" => status == 2,
        "unknown" => status > 2,
        "non-zero" => status != 0,
        _ => uint.TryParse(Type, out var n) && n == status,
    };

    public void Validate()
    {
        if (string.IsNullOrEmpty(Type))
            throw new ResourceValidationException("type cannot be empty");
        if (Hooks is null || Hooks.Count == 0)
            throw new ResourceValidationException("hooks cannot be empty");
        if (!StatusRegex().IsMatch(Type) && !Severities.Contains(Type, StringComparer.Ordinal))
            throw new ResourceValidationException(
                "valid check hook types are \"0\"-\"255\", \"ok\", \"warning\", \"critical\", \"unknown\", and \"non-zero\"");
    }
}
