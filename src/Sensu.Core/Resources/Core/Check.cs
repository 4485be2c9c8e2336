using Sensu.Core.Json;
using System.Text.Json.Serialization;
using Sensu.Core.Validation;

namespace Sensu.Core.Resources.Core;

/// <summary>
/// A check inside an event (core-spec §3.2): every <see cref="CheckConfig"/> field plus the execution result
/// and the state eventd keeps (history, occurrences, silences).
/// </summary>
public sealed class Check : CheckDefinition, IJsonOnDeserialized
{
    public const string PassingState = "passing";
    public const string FailingState = "failing";
    public const string FlappingState = "flapping";

    /// <summary>Most history entries kept.</summary>
    public const int MaxHistory = 21;

    /// <summary>A copy sharing every value of this check (lists, maps and nested objects too), for a view that replaces one of its fields.</summary>
    public Check ShallowCopy() => (Check)MemberwiseClone();

    /// <summary>Execution time in seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double Duration { get; set; }

    /// <summary>Unix seconds when the agent executed the check.</summary>
    public long Executed { get; set; }

    [JsonConverter(typeof(NullWhenEmptyConverter))]
    public List<CheckHistory> History { get; set; } = [];

    /// <summary>Unix seconds when the request was issued.</summary>
    public long Issued { get; set; }

    public string Output { get; set; } = "";

    /// <summary><c>passing</c>, <c>failing</c> or <c>flapping</c>.</summary>
    public string? State { get; set; }

    public uint Status { get; set; }

    public uint TotalStateChange { get; set; }

    public long LastOk { get; set; }

    public long Occurrences { get; set; }

    public long OccurrencesWatermark { get; set; }

    /// <summary>Names of the silences that match this check's event.</summary>
    public List<string>? Silenced { get; set; }

    public bool IsSilenced { get; set; }

    /// <summary>Hooks executed for this result.</summary>
    public List<HookResult>? Hooks { get; set; }

    /// <summary>Agent that executed the check.</summary>
    public string? ProcessedBy { get; set; }

    /// <summary>Which backend scheduler issued the request (<c>memory</c>, <c>etcd</c>, <c>postgres</c>); informational.</summary>
    [JsonIgnore]
    public string? Scheduler { get; set; }

    /// <summary>Sensu writes <c>scheduler</c> always, <c>""</c> when unknown.</summary>
    [JsonInclude, JsonPropertyName("scheduler")]
    internal string SchedulerJson { get => Scheduler ?? ""; set => Scheduler = value is { Length: 0 } ? null : value; }

    /// <summary>
    /// Rules for a check arriving in an event: name (no namespace needed), schedule only when published,
    /// ttl at least 5 s, non-negative <c>max_output_size</c>, then the shared rules.
    /// </summary>
    public void Validate()
    {
        Validators.Name(Metadata.Name, "check name");
        if (Publish)
        {
            if (!string.IsNullOrEmpty(Cron))
                ValidateCron();
            else if (Interval < 1)
                throw new ResourceValidationException("check interval must be greater than or equal to 1");
        }
        if (Ttl > 0 && Ttl <= Interval)
            throw new ResourceValidationException("ttl must be greater than check interval");
        if (Ttl > 0 && Ttl < 5)
            throw new ResourceValidationException("minimum ttl is 5 seconds");
        ValidateDefinition();
        if (MaxOutputSize < 0)
            throw new ResourceValidationException("MaxOutputSize must be >= 0");
        ValidateThresholds();
        ValidateSubdues();
    }

    void IJsonOnDeserialized.OnDeserialized()
    {
        NormalizeDefinition();
        History ??= [];
        Output ??= "";
        if (State is { Length: 0 }) State = null;
        if (Silenced is { Count: 0 }) Silenced = null;
        if (Hooks is { Count: 0 }) Hooks = null;
        if (ProcessedBy is { Length: 0 }) ProcessedBy = null;
        if (Scheduler is { Length: 0 }) Scheduler = null;
    }
}
