using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;

namespace Sensu.Cli.Commands.Filter;

/// <summary>The fields of <c>sensuctl filter create|update</c>.</summary>
public static class FilterForm
{
    public static ResourceForm<EventFilter> Build() => new("Filter",
    [
        new("action", "a", $"specifies whether events are passed through the filter or blocked by the filter. Allowed values: {EventFilter.AllowAction}, {EventFilter.DenyAction}",
            "Action", f => f.Action ?? "", (f, v) => f.Action = v)
        {
            Check = v => v is EventFilter.AllowAction or EventFilter.DenyAction ? null : "use allow or deny",
        },
        new("expressions", "s", "comma separated list of boolean expressions that are evaluated to determine if the event matches this filter",
            "Expressions (comma separated list)", f => Text(f.Expressions), (f, v) => f.Expressions = Csv(v)),
        new("runtime-assets", "r", "comma separated list of assets this filter depends on", "Runtime Assets",
            f => Text(f.RuntimeAssets), (f, v) => f.RuntimeAssets = Csv(v)),
    ]);
}
