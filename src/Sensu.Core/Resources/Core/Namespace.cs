using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// core/v2 Namespace. Its JSON is <c>{"name": "..."}</c> only: there is no metadata object, and
/// <see cref="Metadata"/>.Name and <see cref="Name"/> are the same value.
/// </summary>
public sealed class Namespace : IResource, IJsonOnDeserialized
{
    private ObjectMeta _metadata = new();

    public Namespace() { }

    public Namespace(string name) => Name = name;

    public string? Name
    {
        get => _metadata.Name;
        set => _metadata.Name = value;
    }

    /// <summary>Not serialised; only its name is meaningful (Sensu's SetObjectMeta keeps just the name).</summary>
    [JsonIgnore]
    public ObjectMeta Metadata
    {
        get => _metadata;
        set => _metadata = value ?? new ObjectMeta();
    }

    public void Validate() => Validators.Name(Name, "namespace name");

    void IJsonOnDeserialized.OnDeserialized()
    {
        if (Name is { Length: 0 }) Name = null;
    }
}
