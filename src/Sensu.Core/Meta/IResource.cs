namespace Sensu.Core.Meta;

/// <summary>A resource an operator can create: it has metadata and knows its own validation rules.</summary>
public interface IResource
{
    ObjectMeta Metadata { get; set; }

    /// <summary>Checks the resource against Sensu's rules; throws <see cref="Validation.ResourceValidationException"/>.</summary>
    void Validate();
}
