using System.Text.Json.Serialization;
using Sensu.Core.Meta;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 HookConfig (core-spec §3.3): a command the agent runs after a check whose result matches.</summary>
public sealed class HookConfig : HookDefinition, IResource, IJsonOnDeserialized
{
    public void Validate() => ValidateDefinition(requireNamespace: true);

    /// <summary>A result record for this hook, to be filled in by the agent after running it.</summary>
    public HookResult ToResult()
    {
        var result = new HookResult();
        CopyDefinitionTo(result);
        return result;
    }

    void IJsonOnDeserialized.OnDeserialized() => NormalizeDefinition();
}
