using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>A hook executed for a check result (an entry of <c>check.hooks</c>): the hook's configuration plus its outcome.</summary>
public sealed class HookResult : HookDefinition, IJsonOnDeserialized
{
    /// <summary>Execution time in seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double Duration { get; set; }

    public long Executed { get; set; }

    public long Issued { get; set; }

    [JsonIgnore]
    public string Output { get; set; } = "";

    /// <summary>Sensu's <c>omitempty</c>: an empty <see cref="Output"/> is not written.</summary>
    [JsonInclude, JsonPropertyName("output")]
    internal string? OutputJson { get => Output.Length == 0 ? null : Output; set => Output = value ?? ""; }

    public int Status { get; set; }

    /// <summary>The hook configuration rules; namespace is not required inside an event.</summary>
    public void Validate() => ValidateDefinition(requireNamespace: false);

    void IJsonOnDeserialized.OnDeserialized()
    {
        NormalizeDefinition();
        Output ??= "";
    }
}
