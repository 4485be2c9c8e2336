using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>One workflow of a Pipeline: filters, then an optional mutator, then a handler, all by reference.</summary>
public sealed class PipelineWorkflow : IJsonOnDeserialized
{
    /// <summary>
    /// Sensu 6's streaming handler types (api_version <c>pipeline/v1</c>): a workflow may reference them; a
    /// backend without them reports the workflow's handler as missing when it runs.
    /// </summary>
    public static readonly IReadOnlySet<string> StreamingHandlerTypes = new HashSet<string>(StringComparer.Ordinal) { "SumoLogicMetricsHandler", "TCPStreamHandler" };

    public string Name { get; set; } = "";

    [JsonIgnore]
    public List<ResourceReference> Filters { get; set; } = [];

    /// <summary>Sensu's <c>omitempty</c>: a workflow without filters has no <c>filters</c> field.</summary>
    [JsonInclude, JsonPropertyName("filters")]
    internal List<ResourceReference>? FiltersJson { get => Filters.Count == 0 ? null : Filters; set => Filters = value ?? []; }

    public ResourceReference? Mutator { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
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
        if (!Handler.IsA(ResourceReference.CoreV2, "Handler") && !(Handler.ApiVersion == "pipeline/v1" && StreamingHandlerTypes.Contains(Handler.Type)))
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
