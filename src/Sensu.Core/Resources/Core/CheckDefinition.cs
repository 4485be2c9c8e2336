using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Meta;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// The configuration fields shared by <see cref="CheckConfig"/> and the <see cref="Check"/> inside an event
/// (core-spec §3.1), with Sensu's JSON names and emptiness rules, and the validation rules both apply.
/// </summary>
public abstract class CheckDefinition
{
    /// <summary>Accepted <c>output_metric_format</c> values.</summary>
    public static IReadOnlyList<string> OutputMetricFormats { get; } =
        ["nagios_perfdata", "graphite_plaintext", "opentsdb_line", "influxdb_line", "prometheus_text"];

    public string? Command { get; set; }

    public List<string> Handlers { get; set; } = [];

    public uint HighFlapThreshold { get; set; }

    public uint Interval { get; set; }

    public uint LowFlapThreshold { get; set; }

    public bool Publish { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> RuntimeAssets { get; set; } = [];

    public List<string> Subscriptions { get; set; } = [];

    public string ProxyEntityName { get; set; } = "";

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<HookList> CheckHooks { get; set; } = [];

    public bool Stdin { get; set; }

    /// <summary>Legacy time windows (a "not yet implemented" placeholder in Sensu); written as <c>null</c> when unset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TimeWindowWhen? Subdue { get; set; }

    public string? Cron { get; set; }

    public long Ttl { get; set; }

    public uint Timeout { get; set; }

    public ProxyRequests? ProxyRequests { get; set; }

    public bool RoundRobin { get; set; }

    public string OutputMetricFormat { get; set; } = "";

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> OutputMetricHandlers { get; set; } = [];

    public List<MetricTag>? OutputMetricTags { get; set; }

    public List<MetricThreshold>? OutputMetricThresholds { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<string> EnvVars { get; set; } = [];

    [JsonPropertyName("metadata")]
    public ObjectMeta Metadata { get; set; } = new();

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long MaxOutputSize { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool DiscardOutput { get; set; }

    /// <summary>Secret references; Sensu writes <c>null</c> when there are none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public List<SecretReference>? Secrets { get; set; }

    public List<TimeWindowRepeated>? Subdues { get; set; }

    /// <summary>Pipelines (6.x); references default to <c>core/v2</c> <c>Pipeline</c>.</summary>
    public List<ResourceReference> Pipelines { get; set; } = [];

    /// <summary>Newer Sensu (7.x) fallback pipeline reference; kept so such checks round-trip.</summary>
    public ResourceReference? FallbackPipeline { get; set; }

    /// <summary>
    /// Rules common to configured checks and checks in events (Sensu's order), after the schedule and ttl rules:
    /// assets, subscriptions, proxy entity, proxy requests, metric format, flap thresholds, env vars. Like Sensu,
    /// neither <c>check_hooks</c> nor pipeline references are checked here.
    /// </summary>
    protected void ValidateDefinition()
    {
        ValidateReferencesAndOptions();
        if (LowFlapThreshold != 0 && HighFlapThreshold != 0 && LowFlapThreshold >= HighFlapThreshold)
            throw new ResourceValidationException("invalid flap thresholds");
        Validators.EnvVars(EnvVars);
    }

    /// <summary>Repeated subdues (<c>subdue N invalid: …</c>), then the legacy <c>subdue</c>: Sensu's last rules.</summary>
    protected void ValidateSubdues()
    {
        for (var i = 0; i < (Subdues?.Count ?? 0); i++)
        {
            try
            {
                Subdues![i].Validate();
            }
            catch (ResourceValidationException ex)
            {
                throw new ResourceValidationException($"subdue {i} invalid: {ex.Message}", ex);
            }
        }
        Subdue?.Validate();
    }

    /// <summary>Cron syntax and the "either interval or cron" rule.</summary>
    protected void ValidateCron()
    {
        if (Interval > 0)
            throw new ResourceValidationException("must only specify either an interval or a cron schedule");
        if (!CronSyntax.IsValid(Cron))
            throw new ResourceValidationException("check cron string is invalid");
    }

    private void ValidateReferencesAndOptions()
    {
        foreach (var asset in RuntimeAssets)
            Validators.AssetName(asset, "asset's name");
        foreach (var subscription in Subscriptions)
        {
            if (string.IsNullOrEmpty(subscription))
                throw new ResourceValidationException("subscriptions cannot be empty strings");
        }
        if (!string.IsNullOrEmpty(ProxyEntityName))
            Validators.Name(ProxyEntityName, "proxy entity name");
        ProxyRequests?.Validate();
        if (!string.IsNullOrEmpty(OutputMetricFormat) && !OutputMetricFormats.Contains(OutputMetricFormat, StringComparer.Ordinal))
            throw new ResourceValidationException("output metric format is not valid");
    }

    /// <summary>Metric thresholds: checked on checks in events only, as Sensu does.</summary>
    protected void ValidateThresholds()
    {
        for (var i = 0; i < (OutputMetricThresholds?.Count ?? 0); i++)
        {
            try
            {
                OutputMetricThresholds![i].Validate();
            }
            catch (ResourceValidationException ex)
            {
                throw new ResourceValidationException($"invalid metric threshold {i}: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Later Sensu's rule for its <c>fallback_pipeline</c> field, which we keep so such checks round-trip.</summary>
    protected void ValidateFallbackPipeline()
    {
        if (Pipelines.Count > 0 && FallbackPipeline is not null)
            throw new ResourceValidationException("cannot have both pipelines and fallback_pipeline defined at the same time");
    }

    /// <summary>Restores Sensu's "always" collections after reading JSON and drops empty "omitempty" values.</summary>
    protected void NormalizeDefinition()
    {
        if (Command is { Length: 0 }) Command = null;
        if (Cron is { Length: 0 }) Cron = null;
        Handlers ??= [];
        RuntimeAssets ??= [];
        Subscriptions ??= [];
        ProxyEntityName ??= "";
        CheckHooks ??= [];
        OutputMetricFormat ??= "";
        OutputMetricHandlers ??= [];
        EnvVars ??= [];
        Metadata ??= new ObjectMeta();
        Pipelines ??= [];
        if (OutputMetricTags is { Count: 0 }) OutputMetricTags = null;
        if (OutputMetricThresholds is { Count: 0 }) OutputMetricThresholds = null;
        if (Subdues is { Count: 0 }) Subdues = null;
        foreach (var pipeline in Pipelines)
        {
            if (string.IsNullOrEmpty(pipeline.ApiVersion)) pipeline.ApiVersion = ResourceReference.CoreV2;
            if (string.IsNullOrEmpty(pipeline.Type)) pipeline.Type = "Pipeline";
        }
    }

    /// <summary>Copies every configuration field to <paramref name="target"/> (collections are copied, not shared).</summary>
    protected void CopyDefinitionTo(CheckDefinition target)
    {
        target.Command = Command;
        target.Handlers = [.. Handlers];
        target.HighFlapThreshold = HighFlapThreshold;
        target.Interval = Interval;
        target.LowFlapThreshold = LowFlapThreshold;
        target.Publish = Publish;
        target.RuntimeAssets = [.. RuntimeAssets];
        target.Subscriptions = [.. Subscriptions];
        target.ProxyEntityName = ProxyEntityName;
        target.CheckHooks = [.. CheckHooks];
        target.Stdin = Stdin;
        target.Subdue = Subdue;
        target.Cron = Cron;
        target.Ttl = Ttl;
        target.Timeout = Timeout;
        target.ProxyRequests = ProxyRequests;
        target.RoundRobin = RoundRobin;
        target.OutputMetricFormat = OutputMetricFormat;
        target.OutputMetricHandlers = [.. OutputMetricHandlers];
        target.OutputMetricTags = OutputMetricTags is null ? null : [.. OutputMetricTags];
        target.OutputMetricThresholds = OutputMetricThresholds is null ? null : [.. OutputMetricThresholds];
        target.EnvVars = [.. EnvVars];
        target.Metadata = new ObjectMeta
        {
            Name = Metadata.Name,
            Namespace = Metadata.Namespace,
            Labels = Metadata.Labels is null ? null : new Dictionary<string, string>(Metadata.Labels),
            Annotations = Metadata.Annotations is null ? null : new Dictionary<string, string>(Metadata.Annotations),
            CreatedBy = Metadata.CreatedBy,
        };
        target.MaxOutputSize = MaxOutputSize;
        target.DiscardOutput = DiscardOutput;
        target.Secrets = Secrets is null ? null : [.. Secrets];
        target.Subdues = Subdues is null ? null : [.. Subdues];
        target.Pipelines = [.. Pipelines];
        target.FallbackPipeline = FallbackPipeline;
    }
}
