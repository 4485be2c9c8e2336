using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>A process running on an entity's host, as the agent's system facts report it.</summary>
public sealed class SystemProcess : IJsonOnDeserialized
{
    public string Name { get; set; } = "";

    public long Pid { get; set; }

    public long Ppid { get; set; }

    public string? Status { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Background { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Running { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Created { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double MemoryPercent { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double CpuPercent { get; set; }

    void IJsonOnDeserialized.OnDeserialized()
    {
        Name ??= "";
        if (Status is { Length: 0 }) Status = null;
    }
}
