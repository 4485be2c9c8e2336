using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>core/v2 Pipeline (6.x, core-spec §3.11): workflows of filter → mutator → handler references.</summary>
public sealed class Pipeline : IResource, IJsonOnDeserialized
{
    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<PipelineWorkflow> Workflows { get; set; } = [];

    public void Validate()
    {
        Validators.Name(Metadata.Name);
        Validators.NamespaceSet(Metadata.Namespace);
        foreach (var workflow in Workflows)
        {
            try
            {
                workflow.Validate();
            }
            catch (ResourceValidationException ex)
            {
                throw new ResourceValidationException($"workflow {ex.Message}", ex);
            }
        }
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        Workflows ??= [];
    }
}
