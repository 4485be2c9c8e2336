using SensuHandler = Sensu.Core.Resources.Core.Handler;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Resources.Core;
using static Sensu.Cli.Commands.Imperative.FieldParse;

namespace Sensu.Cli.Commands.Handler;

/// <summary>
/// The fields of <c>sensuctl handler create|update</c>. Interactively, the handler type decides the rest: a command
/// for pipe, a host and port for tcp/udp, member handlers for set (Sensu's order).
/// </summary>
public static class HandlerForm
{
    private static readonly string[] Types = [SensuHandler.PipeType, SensuHandler.TcpType, SensuHandler.UdpType, SensuHandler.SetType];

    public static ResourceForm<SensuHandler> Build() => new("Handler",
    [
        new("env-vars", null, "comma separated list of key=value environment variables for the handler command", "Environment variables",
            h => Text(h.EnvVars), (h, v) => h.EnvVars = Csv(v)),
        new("filters", null, "comma separated list of filters to use when filtering events for the handler", "Filters",
            h => Text(h.Filters), (h, v) => h.Filters = Csv(v)),
        new("mutator", "m", "Sensu event mutator (name) to use to mutate event data for the handler", "Mutator",
            h => h.Mutator ?? "", (h, v) => h.Mutator = v.Length == 0 ? null : v),
        new("timeout", "i", "execution duration timeout in seconds (hard stop)", "Timeout", h => Text(h.Timeout), (h, v) => h.Timeout = UInt(v, "timeout")),
        new("type", "t", "type of handler (pipe, tcp, udp, or set)", "Type", h => h.Type ?? "", (h, v) => h.Type = v.ToLowerInvariant())
        {
            Default = SensuHandler.PipeType,
            Required = true,
            Check = v => Types.Contains(v.ToLowerInvariant()) ? null : "use pipe, tcp, udp or set",
        },
        new("runtime-assets", "r", "comma separated list of assets this handler depends on", "Runtime Assets",
            h => Text(h.RuntimeAssets), (h, v) => h.RuntimeAssets = Csv(v)),
        new("command", null, "command to be executed. The event data is passed to the process via STDIN", "Command",
            h => h.Command ?? "", (h, v) => h.Command = v.Length == 0 ? null : v)
        {
            AskWhen = a => TypeOf(a) == SensuHandler.PipeType,
        },
        new("handlers", null, "comma separated list of handlers to call using the handler set", "Handlers",
            h => Text(h.Handlers), (h, v) => h.Handlers = Csv(v))
        {
            AskWhen = a => TypeOf(a) == SensuHandler.SetType,
        },
        new("socket-host", null, "host of handler socket", "Socket Host", h => h.Socket?.Host ?? "", (_, _) => { })
        {
            AskWhen = a => TypeOf(a) is SensuHandler.TcpType or SensuHandler.UdpType,
        },
        new("socket-port", null, "port of handler socket", "Socket Port", h => h.Socket is null ? "" : Text(h.Socket.Port), (_, _) => { })
        {
            AskWhen = a => TypeOf(a) is SensuHandler.TcpType or SensuHandler.UdpType,
            Check = v => uint.TryParse(v, out _) ? null : "must be a port number",
        },
    ])
    {
        Finish = (handler, values) =>
        {
            var host = values.GetValueOrDefault("socket-host") ?? "";
            var port = values.GetValueOrDefault("socket-port") ?? "";
            if (host.Length > 0 && port.Length > 0)
                handler.Socket = new HandlerSocket { Host = host, Port = UInt(port, "socket port") };
        },
    };

    private static string TypeOf(IReadOnlyDictionary<string, string> answers) => (answers.GetValueOrDefault("type") ?? "").ToLowerInvariant();
}
