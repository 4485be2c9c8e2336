using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// core/v2 Event (core-spec §3.9): a check result and/or metrics about an entity. Events are unnamed;
/// they are identified by namespace, entity name and check name. The predicates below are the ones
/// filters see as <c>event.has_check</c>, <c>event.is_incident</c>, ... (core-spec §4).
/// </summary>
public sealed class Event : IResource, IJsonOnDeserialized
{
    /// <summary>Unix seconds; the store sets now() when it is 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Timestamp { get; set; }

    public Entity? Entity { get; set; }

    public Check? Check { get; set; }

    public Metrics? Metrics { get; set; }

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    /// <summary>UUID in its canonical text form; written as <c>null</c> when unset, like Sensu.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Id { get; set; }

    public long Sequence { get; set; }

    /// <summary>Pipelines (only <c>core/v2.Pipeline</c> references) that process this event.</summary>
    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<ResourceReference> Pipelines { get; set; } = [];

    [JsonIgnore]
    public bool HasCheck => Check is not null;

    [JsonIgnore]
    public bool HasMetrics => Metrics is not null;

    [JsonIgnore]
    public bool HasCheckHandlers => Check is { Handlers.Count: > 0 };

    [JsonIgnore]
    public bool HasMetricHandlers => Metrics is { Handlers.Count: > 0 };

    /// <summary>A check whose status is not 0.</summary>
    [JsonIgnore]
    public bool IsIncident => Check is { Status: not 0 };

    /// <summary>The previous result (second-to-last history entry) failed and this one passed.</summary>
    [JsonIgnore]
    public bool IsResolution => PreviousOccurrence is { Status: not 0 } && !IsIncident;

    /// <summary>At least one silence matched this event's check.</summary>
    [JsonIgnore]
    public bool IsSilenced => Check is { Silenced.Count: > 0 };

    /// <summary>The check started flapping with this result.</summary>
    [JsonIgnore]
    public bool IsFlappingStart => PreviousOccurrence is { Flapping: false } && Check!.State == Check.FlappingState;

    /// <summary>The check stopped flapping with this result.</summary>
    [JsonIgnore]
    public bool IsFlappingEnd => PreviousOccurrence is { Flapping: true } && Check!.State != Check.FlappingState;

    /// <summary>The history entry before the current one (eventd has already appended the current result).</summary>
    private CheckHistory? PreviousOccurrence =>
        Check is { History.Count: >= 2 } check ? check.History[^2] : null;

    public void Validate()
    {
        if (Entity is null)
            throw new ResourceValidationException("event must contain an entity");
        if (Check is null && Metrics is null)
            throw new ResourceValidationException("event must contain a check or metrics");
        Nested("entity is invalid: ", Entity.Validate);
        if (Check is not null)
            Nested("check is invalid: ", Check.Validate);
        foreach (var pipeline in Pipelines)
        {
            if (!pipeline.IsA(ResourceReference.CoreV2, "Pipeline"))
            {
                throw new ResourceValidationException(
                    $"pipeline reference is invalid: resource type not capable of acting as a pipeline: {pipeline.ApiVersion}.{pipeline.Type}");
            }
        }
        if (!string.IsNullOrEmpty(Metadata.Name))
            throw new ResourceValidationException("events cannot be named");
        if (!string.IsNullOrEmpty(Id) && !Guid.TryParse(Id, out _))
            throw new ResourceValidationException($"event ID is invalid: invalid UUID {GoText.Quote(Id)}");
    }

    /// <summary>Sets the namespace of the event, its entity and its check, as Sensu does for a request's namespace.</summary>
    public void SetNamespace(string? @namespace)
    {
        Metadata.Namespace = @namespace;
        Entity?.Metadata.Namespace = @namespace;
        Check?.Metadata.Namespace = @namespace;
    }

    /// <summary>The check-name part of the event's key, or empty for metrics-only events.</summary>
    [JsonIgnore]
    public string CheckName => Check?.Metadata.Name ?? "";

    void IJsonOnDeserialized.OnDeserialized()
    {
        Metadata ??= new ObjectMeta();
        Metadata.Normalize();
        Pipelines ??= [];
        Pipelines.RemoveAll(p => p is null);
        if (string.IsNullOrEmpty(Id))
            Id = null;
        else if (Guid.TryParse(Id, out var id))
            Id = id.ToString("D");
    }

    private static void Nested(string prefix, Action validate)
    {
        try
        {
            validate();
        }
        catch (ResourceValidationException ex)
        {
            throw new ResourceValidationException(prefix + ex.Message, ex);
        }
    }
}
