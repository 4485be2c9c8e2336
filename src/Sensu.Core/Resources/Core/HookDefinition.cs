using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>The fields shared by <see cref="HookConfig"/> and an executed <see cref="HookResult"/> (core-spec §3.3).</summary>
public abstract class HookDefinition
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public string? Command { get; set; }

    /// <summary>Seconds; must be greater than 0 (Sensu's docs default is 60).</summary>
    public uint Timeout { get; set; }

    public bool Stdin { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> RuntimeAssets { get; set; } = [];

    /// <summary>Name, command, timeout, and (when <paramref name="requireNamespace"/>) namespace.</summary>
    protected void ValidateDefinition(bool requireNamespace)
    {
        Validators.Name(Metadata.Name, "hook name");
        if (string.IsNullOrEmpty(Command))
            throw new ResourceValidationException("command cannot be empty");
        if (Timeout == 0)
            throw new ResourceValidationException("hook timeout must be greater than 0");
        if (requireNamespace)
            Validators.NamespaceSet(Metadata.Namespace);
    }

    protected void NormalizeDefinition()
    {
        Metadata ??= new ObjectMeta();
        if (Command is { Length: 0 }) Command = null;
        RuntimeAssets ??= [];
    }

    protected void CopyDefinitionTo(HookDefinition target)
    {
        target.Metadata = new ObjectMeta
        {
            Name = Metadata.Name,
            Namespace = Metadata.Namespace,
            Labels = Metadata.Labels is null ? null : new Dictionary<string, string>(Metadata.Labels),
            Annotations = Metadata.Annotations is null ? null : new Dictionary<string, string>(Metadata.Annotations),
            CreatedBy = Metadata.CreatedBy,
        };
        target.Command = Command;
        target.Timeout = Timeout;
        target.Stdin = Stdin;
        target.RuntimeAssets = [.. RuntimeAssets];
    }
}
