using SensuEntity = Sensu.Core.Resources.Core.Entity;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;

namespace Sensu.Cli.Commands.Entity;

/// <summary>The fields of <c>sensuctl entity create|update</c>.</summary>
public static class EntityForm
{
    public static ResourceForm<SensuEntity> Build() => new("Entity",
    [
        new("entity-class", "c", "entity class, either proxy or agent", "Entity Class", e => e.EntityClass, (e, v) => e.EntityClass = v)
        {
            Default = "",
        },
        new("subscriptions", "s", "comma separated list of subscriptions", "Subscriptions", e => Text(e.Subscriptions), (e, v) => e.Subscriptions = Csv(v)),
    ]);
}
