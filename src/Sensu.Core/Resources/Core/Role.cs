using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 Role: a named set of RBAC rules within one namespace.</summary>
public sealed class Role : IResource, IJsonOnDeserialized
{
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<RbacRule> Rules { get; set; } = [];

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
        RbacValidation.Name(Metadata.Name, "Role");
        if (string.IsNullOrEmpty(Metadata.Namespace))
            throw new ResourceValidationException("the Role namespace must be set");
        RbacValidation.Rules(Rules, "Role");
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
