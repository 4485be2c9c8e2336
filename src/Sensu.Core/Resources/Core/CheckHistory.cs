using System.Text.Json.Serialization;

namespace Sensu.Core.Resources.Core;

/// <summary>One entry of a check's <c>history</c> (at most 21 are kept).</summary>
public sealed class CheckHistory
{
    public uint Status { get; set; }

    public long Executed { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Flapping { get; set; }
}
