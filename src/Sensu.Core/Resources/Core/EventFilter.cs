using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 EventFilter (core-spec §3.5): allow or deny events whose JavaScript expressions are all true.</summary>
public sealed class EventFilter : IResource, IJsonOnDeserialized
{
    public const string AllowAction = "allow";
    public const string DenyAction = "deny";

    /// <summary>Filters that exist without a resource.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["is_incident", "not_silenced", "has_metrics"];

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public string? Action { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> Expressions { get; set; } = [];

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> RuntimeAssets { get; set; } = [];

    /// <summary>Optional time windows during which the filter applies.</summary>
    public TimeWindowWhen? When { get; set; }

    public void Validate()
    {
        Validators.Name(Metadata.Name, "filter name");
        if (Action is not (AllowAction or DenyAction))
            throw new ResourceValidationException($"action '{Action}' is not valid");
        if (Expressions.Count == 0)
            throw new ResourceValidationException("filter must have one or more expressions");
        JavaScriptSyntax.Expressions(Expressions);
        Validators.NamespaceSet(Metadata.Namespace);
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        if (Action is { Length: 0 }) Action = null;
        Expressions ??= [];
        RuntimeAssets ??= [];
    }
}
