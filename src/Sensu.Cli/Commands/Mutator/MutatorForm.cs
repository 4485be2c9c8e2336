using SensuMutator = Sensu.Core.Resources.Core.Mutator;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;

namespace Sensu.Cli.Commands.Mutator;

/// <summary>The fields of <c>sensuctl mutator create|update</c>.</summary>
public static class MutatorForm
{
    public static ResourceForm<SensuMutator> Build() => new("Mutator",
    [
        new("type", null, "type of mutator to create", "Type", m => m.Type ?? "", (m, v) => m.Type = v.Length == 0 ? null : v) { Default = SensuMutator.PipeType },
        new("command", "c", "command to be executed. The event data is passed to the process via STDIN", "Command",
            m => m.Command ?? "", (m, v) => m.Command = v.Length == 0 ? null : v),
        new("eval", null, "javascript expression to use when type is javascript", "Eval", m => m.Eval ?? "", (m, v) => m.Eval = v.Length == 0 ? null : v),
        new("timeout", "t", "execution duration timeout in seconds (hard stop)", "Timeout", m => Text(m.Timeout), (m, v) => m.Timeout = UInt(v, "timeout")),
        new("env-vars", null, "comma separated list of key=value environment variables for the mutator command", "Environment variables",
            m => Text(m.EnvVars), (m, v) => m.EnvVars = Csv(v)),
        new("runtime-assets", "r", "comma separated list of assets this mutator depends on", "Runtime Assets",
            m => Text(m.RuntimeAssets), (m, v) => m.RuntimeAssets = Csv(v)),
    ]);
}
