namespace Sensu.Core.Resources.Core;

/// <summary>A metric tag <c>{name, value}</c>: check <c>output_metric_tags</c> and threshold tag matchers.</summary>
public sealed class MetricTag
{
    public string Name { get; set; } = "";

    public string Value { get; set; } = "";
}
