using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 ClusterRole: a named set of RBAC rules that applies cluster-wide.</summary>
public sealed class ClusterRole : IResource, IJsonOnDeserialized
{
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<RbacRule> Rules { get; set; } = [];

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
        RbacValidation.Name(Metadata.Name, "ClusterRole");
        RbacValidation.Rules(Rules, "ClusterRole");
        if (!string.IsNullOrEmpty(Metadata.Namespace))
            throw new ResourceValidationException("ClusterRole cannot have a namespace");
        RbacValidation.RuleVerbs(Rules);
    }

    /// <summary>Splits comma-separated verbs and resources (done on deserialisation too).</summary>
    public void Normalize()
    {
        foreach (var rule in Rules)
            rule.Normalize();
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Rules ??= [];
        Rules.RemoveAll(r => r is null);
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
    }
}
