using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;
using Sensu.Execution;

namespace Sensu.Backend.Pipelined;

/// <summary>
/// Runs one event through one handler: built-in filters, built-in mutator, then the handler itself
/// (pipe with secrets; tcp/udp sockets). Output is logged only through <see cref="SecretScrubber.Scrub"/>;
/// the environment is never logged.
/// </summary>
public sealed class HandlerRunner(
    IProcessRunner processes,
    SecretsResolver secrets,
    SecretCatalog catalog,
    SecretScrubber scrubber,
    ILogger<HandlerRunner> logger)
{
    public async Task HandleAsync(Event ev, Handler handler, CancellationToken cancellationToken)
    {
        var name = handler.Metadata.Name ?? "";
        foreach (var filter in handler.Filters)
        {
            var passes = BuiltInFilters.Evaluate(filter, ev);
            if (passes is null)
            {
                Log.FilterUnsupported(logger, filter, name);
                return;
            }
            if (passes == false)
            {
                Log.EventFiltered(logger, filter, name, Key(ev));
                return;
            }
        }

        var body = BuiltInMutators.Mutate(handler.Mutator, ev);
        if (body is null)
        {
            Log.MutatorUnsupported(logger, handler.Mutator ?? "", name);
            return;
        }

        switch (handler.Type)
        {
            case Handler.PipeType:
                await RunPipeAsync(handler, body, cancellationToken).ConfigureAwait(false);
                break;
            case Handler.TcpType or Handler.UdpType when handler.Socket is not null:
                await SendAsync(handler, body, cancellationToken).ConfigureAwait(false);
                break;
            default:
                Log.HandlerTypeUnsupported(logger, name, handler.Type ?? "");
                break;
        }
    }

    private async Task RunPipeAsync(Handler handler, byte[] body, CancellationToken cancellationToken)
    {
        var name = handler.Metadata.Name ?? "";
        var @namespace = handler.Metadata.Namespace ?? "";
        var resolved = new List<(string EnvName, SecretValue Value)>();
        foreach (var reference in handler.Secrets ?? [])
        {
            try
            {
                resolved.AddRange(await secrets.ResolveAsync(@namespace, [reference], cancellationToken).ConfigureAwait(false));
            }
            catch (SecretLookupException ex)
            {
                var provider = catalog.Find(@namespace, reference.Secret)?.Provider ?? "";
                Log.SecretFailed(logger, name, reference.Secret, provider, scrubber.Scrub(ex.Message));
                return;
            }
        }

        var environment = SecretEnvironment.ForHandler(SecretEnvironment.ProcessEnvironment(), null, handler.EnvVars, resolved);
        var request = new ProcessRequest
        {
            Command = handler.Command ?? "",
            BaseEnvironment = environment.Select(p => $"{p.Key}={p.Value}").ToList(),
            Stdin = body,
            Timeout = handler.Timeout > 0 ? TimeSpan.FromSeconds(handler.Timeout) : null,
        };
        var result = await processes.RunAsync(request, cancellationToken).ConfigureAwait(false);
        Log.PipeHandlerRan(logger, name, result.ExitCode, scrubber.Scrub(result.Output));
    }

    private async Task SendAsync(Handler handler, byte[] body, CancellationToken cancellationToken)
    {
        var socket = handler.Socket!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(handler.EffectiveTimeout));
        if (handler.Type == Handler.TcpType)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(socket.Host, (int)socket.Port, timeout.Token).ConfigureAwait(false);
            await client.GetStream().WriteAsync(body, timeout.Token).ConfigureAwait(false);
        }
        else
        {
            using var client = new UdpClient();
            await client.SendAsync(body, socket.Host, (int)socket.Port, timeout.Token).ConfigureAwait(false);
        }
        Log.SocketHandlerSent(logger, handler.Type ?? "", handler.Metadata.Name ?? "", $"{socket.Host}:{socket.Port}");
    }

    internal static string Key(Event ev) =>
        $"{ev.Metadata.Namespace}/{ev.Entity?.Metadata.Name}/{ev.CheckName}";
}
