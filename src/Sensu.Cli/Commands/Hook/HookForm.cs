using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;

namespace Sensu.Cli.Commands.Hook;

/// <summary>The fields of <c>sensuctl hook create|update</c> (timeout 60 and stdin false by default, as in Sensu).</summary>
public static class HookForm
{
    public static ResourceForm<HookConfig> Build() => new("Hook",
    [
        new("command", "c", "the command the hook should run", "Command", h => h.Command ?? "", (h, v) => h.Command = v),
        new("timeout", "t", "timeout, in seconds, at which the hook has to run", "Timeout", h => Text(h.Timeout), (h, v) => h.Timeout = UInt(v, "timeout"))
        {
            Default = "60",
        },
        new("stdin", "s", "stdin enabled on hook", "Stdin", h => Text(h.Stdin), (h, v) => h.Stdin = Bool(v, "stdin")) { IsBool = true, Default = "false" },
    ]);
}
