using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>One workflow of a Pipeline: filters, then an optional mutator, then a handler, all by reference.</summary>
public sealed class PipelineWorkflow : IJsonOnDeserialized
{
    public string Name { get; set; } = "";

    public List<ResourceReference> Filters { get; set; } = [];

    public ResourceReference? Mutator { get; set; }

    public ResourceReference? Handler { get; set; }

    public void Validate()
    {
        Validators.Name(Name);
        foreach (var filter in Filters)
        {
            Prefixed("filter", filter.Validate);
            if (!filter.IsA(ResourceReference.CoreV2, "EventFilter"))
                throw new ResourceValidationException($"filter resource type not capable of filtering events: {filter.ApiVersion}.{filter.Type}");
        }
        if (Mutator is not null)
        {
            Prefixed("mutator", Mutator.Validate);
            if (!Mutator.IsA(ResourceReference.CoreV2, "Mutator"))
                throw new ResourceValidationException($"mutator resource type not capable of mutating events: {Mutator.ApiVersion}.{Mutator.Type}");
        }
        if (Handler is null)
            throw new ResourceValidationException("handler must be set");
        Prefixed("handler", Handler.Validate);
        if (!Handler.IsA(ResourceReference.CoreV2, "Handler"))
            throw new ResourceValidationException($"handler resource type not capable of handling events: {Handler.ApiVersion}.{Handler.Type}");
    }

    private static void Prefixed(string what, Action validate)
    {
        try
        {
            validate();
        }
        catch (ResourceValidationException ex)
        {
            throw new ResourceValidationException($"{what} {ex.Message}", ex);
        }
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        Filters ??= [];
    }
}
