using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// One entry of a check's <c>output_metric_thresholds</c> (6.x): rules for the metric <see cref="Name"/>
/// (optionally only points carrying all <see cref="Tags"/>); <see cref="NullStatus"/> when the metric is missing.
/// </summary>
public sealed class MetricThreshold : IJsonOnDeserialized
{
    public string Name { get; set; } = "";

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<MetricTag>? Tags { get; set; }

    public uint NullStatus { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<MetricThresholdRule> Thresholds { get; set; } = [];

    public void Validate()
    {
        Validators.Name(Name, "metric threshold name");
        if (Thresholds.Count == 0)
            throw new ResourceValidationException("there must be at least one threshold rule");
        for (var i = 0; i < Thresholds.Count; i++)
        {
            try
            {
                Thresholds[i].Validate();
            }
            catch (ResourceValidationException ex)
            {
                throw new ResourceValidationException($"rule {i}: {ex.Message}", ex);
            }
        }
        for (var i = 0; i < (Tags?.Count ?? 0); i++)
        {
            var tag = Tags![i];
            if (!Validators.IsName(tag.Name))
                throw new ResourceValidationException($"tag {i}: metric threshold tag name must be a valid name");
            if (string.IsNullOrEmpty(tag.Value))
                throw new ResourceValidationException($"tag {i}: metric threshold tag value must not be empty");
        }
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        Thresholds ??= [];
        if (Tags is { Count: 0 }) Tags = null;
    }
}
