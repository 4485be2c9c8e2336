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

    public string Output { get; set; } = "";

    public int Status { get; set; }

    /// <summary>The hook configuration rules; namespace is not required inside an event.</summary>
    public void Validate() => ValidateDefinition(requireNamespace: false);

    void IJsonOnDeserialized.OnDeserialized()
    {
        NormalizeDefinition();
        Output ??= "";
    }
}
