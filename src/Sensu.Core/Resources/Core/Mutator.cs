using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 Mutator (core-spec §3.6): a pipe command or (6.x) a JavaScript program that transforms an event.</summary>
public sealed class Mutator : IResource, IJsonOnDeserialized
{
    public const string PipeType = "pipe";
    public const string JavaScriptType = "javascript";

    /// <summary>Mutators that exist without a resource.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["json", "only_check_output"];

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>Empty or <c>pipe</c> (default) or <c>javascript</c>.</summary>
    public string? Type { get; set; }

    public string? Command { get; set; }

    /// <summary>JavaScript program of a <c>javascript</c> mutator.</summary>
    public string? Eval { get; set; }

    /// <summary>Seconds; 0 means none.</summary>
    public uint Timeout { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> EnvVars { get; set; } = [];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> RuntimeAssets { get; set; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<SecretReference>? Secrets { get; set; }

    [JsonIgnore]
    public bool IsJavaScript => Type == JavaScriptType;

    public void Validate()
    {
        Validators.Name(Metadata.Name, "mutator name");
        if (string.IsNullOrEmpty(Command) && string.IsNullOrEmpty(Eval))
            throw new ResourceValidationException("mutator command or eval must be set");
        if (Type == JavaScriptType && !string.IsNullOrEmpty(Command))
            throw new ResourceValidationException("\"command\" used with javascript mutator, should be \"eval\"");
        Validators.NamespaceSet(Metadata.Namespace);
        if (!string.IsNullOrEmpty(Type) && Type is not (PipeType or JavaScriptType))
            throw new ResourceValidationException($"invalid mutator type {GoText.Quote(Type)}, valid types are \"javascript, pipe\"");
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        if (Type is { Length: 0 }) Type = null;
        if (Command is { Length: 0 }) Command = null;
        if (Eval is { Length: 0 }) Eval = null;
        EnvVars ??= [];
        RuntimeAssets ??= [];
    }
}
