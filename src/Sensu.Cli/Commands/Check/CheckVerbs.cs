using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;
using Verb = Sensu.Cli.Commands.Imperative.FieldVerb<Sensu.Core.Resources.Core.CheckConfig>;

namespace Sensu.Cli.Commands.Check;

/// <summary>Sensu 6.14's <c>check set-*</c> and <c>check remove-*</c> verbs that change one field.</summary>
public static class CheckVerbs
{
    public static IReadOnlyList<Verb> Table { get; } =
    [
        Verb.Remover("handlers", "removes handlers from a check", c => c.Handlers = []),
        Verb.Remover("high-flap-threshold", "removes high flap threshold from a check", c => c.HighFlapThreshold = 0),
        Verb.Remover("low-flap-threshold", "removes low flap threshold from a check", c => c.LowFlapThreshold = 0),
        Verb.Remover("proxy-entity-name", "removes proxy entity name from a check", c => c.ProxyEntityName = ""),
        Verb.Remover("proxy-requests", "removes proxy requests from a check", c => c.ProxyRequests = null),
        Verb.Remover("runtime-assets", "removes runtime assets from a check", c => c.RuntimeAssets = []),
        Verb.Remover("ttl", "removes ttl from a check", c => c.Ttl = 0),
        Verb.Remover("timeout", "removes timeout from a check", c => c.Timeout = 0),
        Verb.Remover("output-metric-handlers", "removes output metric handlers from a check", c => c.OutputMetricHandlers = []),
        Verb.Remover("output-metric-format", "removes output metric format from a check", c => c.OutputMetricFormat = ""),
        Verb.Setter("command", "set command of a check", (c, v) => c.Command = v),
        Verb.Setter("cron", "set cron of a check", (c, v) =>
        {
            c.Cron = v;
            c.Interval = 0;
        }),
        Verb.Setter("handlers", "set handlers of a check", (c, v) => c.Handlers = Csv(v)),
        Verb.Setter("high-flap-threshold", "set high flap threshold of a check", (c, v) => c.HighFlapThreshold = UInt(v, "high flap threshold")),
        Verb.Setter("interval", "set interval of a check", (c, v) =>
        {
            c.Interval = UInt(v, "interval");
            c.Cron = null;
        }),
        Verb.Setter("low-flap-threshold", "set low flap threshold of a check", (c, v) => c.LowFlapThreshold = UInt(v, "low flap threshold")),
        Verb.Setter("proxy-entity-name", "set proxy entity name of a check", (c, v) => c.ProxyEntityName = v),
        Verb.Setter("publish", "set publish of a check", (c, v) => c.Publish = Bool(v, "publish")),
        Verb.Setter("runtime-assets", "set runtime assets of a check", (c, v) => c.RuntimeAssets = Csv(v)),
        Verb.Setter("stdin", "set stdin of a check", (c, v) => c.Stdin = Bool(v, "stdin")),
        Verb.Setter("subscriptions", "set subscriptions of a check", (c, v) => c.Subscriptions = Csv(v)),
        Verb.Setter("ttl", "set ttl of a check", (c, v) => c.Ttl = Long(v, "ttl")),
        Verb.Setter("timeout", "set timeout of a check", (c, v) => c.Timeout = UInt(v, "timeout")),
        Verb.Setter("output-metric-handlers", "set output metric handlers of a check", (c, v) => c.OutputMetricHandlers = Csv(v)),
        Verb.Setter("output-metric-format", "set output-metric-format of a check", (c, v) => c.OutputMetricFormat = v),
        Verb.Setter("round-robin", "set round robin to true or false", (c, v) => c.RoundRobin = Bool(v, "round robin")),
    ];
}
