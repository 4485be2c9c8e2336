using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;

namespace Sensu.Cli.Commands.Check;

/// <summary>The fields of <c>sensuctl check create</c> and <c>check update</c>, in Sensu's question order, with its flags and defaults.</summary>
public static class CheckForm
{
    public static ResourceForm<CheckConfig> Build() => new("Check",
    [
        new("command", "c", "the command the check should run", "Command", c => c.Command ?? "", (c, v) => c.Command = v) { Required = true },
        new("interval", "i", "interval, in seconds, at which the check is run", "Interval", c => Text(c.Interval), (c, v) => c.Interval = UInt(v, "interval")),
        new("cron", null, "the cron schedule at which the check is run", "Cron", c => c.Cron ?? "", (c, v) => c.Cron = v.Length == 0 ? null : v),
        new("timeout", "t", "timeout, in seconds, at which the check has to run", "Timeout", c => Text(c.Timeout), (c, v) => c.Timeout = UInt(v, "timeout")),
        new("ttl", null, "time to live in seconds for which a check result is valid", "TTL", c => Text(c.Ttl), (c, v) => c.Ttl = Long(v, "ttl")),
        new("subscriptions", "s", "comma separated list of topics check requests will be sent to", "Subscriptions",
            c => Text(c.Subscriptions), (c, v) => c.Subscriptions = Csv(v)) { Required = true },
        new("handlers", null, "comma separated list of handlers to invoke when check fails", "Handlers", c => Text(c.Handlers), (c, v) => c.Handlers = Csv(v)),
        new("runtime-assets", "r", "comma separated list of assets this check depends on", "Runtime Assets", c => Text(c.RuntimeAssets), (c, v) => c.RuntimeAssets = Csv(v)),
        new("publish", "p", "publish check requests", "Publish", c => Text(c.Publish), (c, v) => c.Publish = Bool(v, "publish")) { IsBool = true, Default = "true" },
        new("proxy-entity-name", null, "the check proxy entity, used to create a proxy entity for an external resource", "Check Proxy Entity Name",
            c => c.ProxyEntityName, (c, v) => c.ProxyEntityName = v),
        new("stdin", null, "accept event data via STDIN", "Check STDIN", c => Text(c.Stdin), (c, v) => c.Stdin = Bool(v, "stdin")) { IsBool = true, Default = "false" },
        new("high-flap-threshold", null, "flap detection high threshold (percent state change) for the check", "High Flap Threshold",
            c => Text(c.HighFlapThreshold), (c, v) => c.HighFlapThreshold = UInt(v, "high flap threshold")),
        new("low-flap-threshold", null, "flap detection low threshold (percent state change) for the check", "Low Flap Threshold",
            c => Text(c.LowFlapThreshold), (c, v) => c.LowFlapThreshold = UInt(v, "low flap threshold")),
        new("output-metric-format", null, "the output metric format to be used to parse check output for metric extraction", "Metric Format",
            c => c.OutputMetricFormat, (c, v) => c.OutputMetricFormat = v == "none" ? "" : v)
        {
            Check = v => v == "none" || CheckDefinition.OutputMetricFormats.Contains(v) ? null : $"use none or one of {string.Join(", ", CheckDefinition.OutputMetricFormats)}",
        },
        new("output-metric-handlers", null, "comma separated list of handlers to set on output check metrics", "Metric Handlers",
            c => Text(c.OutputMetricHandlers), (c, v) => c.OutputMetricHandlers = Csv(v)),
        new("round-robin", null, "enable round-robin scheduling", "Round Robin", c => Text(c.RoundRobin), (c, v) => c.RoundRobin = Bool(v, "round robin"))
        {
            IsBool = true, Default = "false",
        },
    ])
    {
        CheckFlags = values =>
        {
            var interval = values["interval"].Length > 0;
            var cron = values["cron"].Length > 0;
            if (interval && cron)
                throw new CliException("cannot specify --interval and --cron at the same time");
            if (!interval && !cron)
                throw new CliException("must specify --interval or --cron");
        },
    };
}
