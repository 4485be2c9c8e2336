using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Tests.Pipeline;

/// <summary>The event the built-in filter and mutator tests run through: entity web1 (with a redactable label), check c.</summary>
internal static class BuiltInStageEvents
{
    public static Event Make(uint status, uint previous, List<string>? silenced = null) => new()
    {
        Entity = new Entity
        {
            Metadata = new ObjectMeta { Name = "web1", Labels = new Dictionary<string, string> { ["password"] = "hunter22", ["region"] = "eu" } },
        },
        Check = new Check
        {
            Metadata = new ObjectMeta { Name = "c" },
            Status = status,
            Output = "the output",
            Silenced = silenced,
            History = [new CheckHistory { Status = previous }, new CheckHistory { Status = status }],
        },
    };
}
