using System.CommandLine;
using System.Text.Json;
using Sensu.Cli.Commands.Imperative;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;

namespace Sensu.Cli.Commands.Check;

/// <summary><c>sensuctl check set-proxy-requests NAME [-f FILE]</c>: proxy requests as JSON from a file or standard input.</summary>
public static class CheckProxyRequestsCommand
{
    public static Command Build(CommandFactory factory)
    {
        var name = new Argument<string>("NAME") { Description = "name of the check" };
        var file = new Option<string?>("--file", "-f") { Description = "Proxy request definition file" };
        var command = new Command("set-proxy-requests", """
            set proxy requests for a check from file or stdin

            Examples:
              echo '{"entity_attributes": ["entity.entity_class == \"proxy\""], "splay": true}' | sensuctl check set-proxy-requests check-ping
              sensuctl check set-proxy-requests check-ping -f proxy-requests.json
            """)
        {
            name, file,
        };
        command.SetAction((result, cancellationToken) => factory.RunAsync(result, async runtime =>
        {
            var text = result.GetValue(file) is { } path ? await File.ReadAllTextAsync(path, cancellationToken) : await runtime.Io.In.ReadToEndAsync(cancellationToken);
            ProxyRequests requests;
            try
            {
                requests = JsonSerializer.Deserialize(text, SensuJsonContext.Default.ProxyRequests) ?? throw new CliException("no proxy requests given");
            }
            catch (JsonException ex)
            {
                throw new CliException($"invalid proxy requests: {ex.Message}", ex);
            }
            if (requests.SplayCoverage == 0)
                requests.SplayCoverage = ProxyRequests.DefaultSplayCoverage;
            await ImperativeCommands<CheckConfig>.EditAsync(runtime, result.GetValue(name)!, c => c.ProxyRequests = requests, cancellationToken);
            runtime.Printer.Message("Updated");
            return 0;
        }));
        return command;
    }
}
