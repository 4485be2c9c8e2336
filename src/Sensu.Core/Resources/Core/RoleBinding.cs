using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 RoleBinding: grants a role to users and groups within one namespace.</summary>
public sealed class RoleBinding : IResource, IJsonOnDeserialized
{
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<Subject> Subjects { get; set; } = [];

    public RoleRef RoleRef { get; set; } = new();

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    public void Validate()
    {
        RbacValidation.Name(Metadata.Name, "RoleBinding");
        if (string.IsNullOrEmpty(Metadata.Namespace))
            throw new ResourceValidationException("the RoleBinding namespace must be set");
        RbacValidation.RoleRef(RoleRef);
        RbacValidation.Subjects(Subjects);
    }

    /// <summary>Title-cases subject and role_ref types (done on deserialisation too).</summary>
    public void Normalize() => RbacValidation.Normalize(Subjects, RoleRef);

    void IJsonOnDeserialized.OnDeserialized()
    {
        Subjects ??= [];
        Subjects.RemoveAll(s => s is null);
        RoleRef ??= new RoleRef();
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
    }
}
