using Microsoft.Extensions.Logging;
using Sensu.Backend.Pipeline.Assets;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;
using Sensu.Execution;
using Sensu.Execution.Assets;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Pipeline.Handlers;

/// <summary>
/// A <c>pipe</c> handler (core-spec §5.5): <c>sh -c command</c> with the mutated bytes on stdin, the allow-listed
/// <see cref="BaseEnvironment"/> of the backend (never its whole environment, see
/// <see cref="ChildEnvironmentAllowList"/>), then the runtime assets', then <c>env_vars</c>, then the secrets (secrets-spec §4.5), killed with its
/// process group at <c>timeout</c>. Output is logged only after <see cref="SecretScrubber.Scrub"/>; the environment is
/// never logged. A non-zero status and a timeout are logged and measured but are not pipeline errors (as in Sensu);
/// a secret or asset that cannot be had is (the handler does not run).
/// </summary>
public sealed class PipeHandler(
    IProcessRunner processes,
    BaseEnvironment baseEnvironment,
    SecretsResolver secrets,
    SecretScrubber scrubber,
    PipelineAssets assets,
    ILogger<PipeHandler> logger) : IHandlerKind
{
    public string Type => Handler.PipeType;

    public async Task<HandlerOutcome> RunAsync(Handler handler, Event ev, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var name = handler.Metadata.Name ?? "";
        var @namespace = handler.Metadata.Namespace ?? EventKey.Namespace(ev);
        // All or nothing, in one call: the audit lines name this handler.
        IReadOnlyList<(string EnvName, SecretValue Value)> resolved;
        try
        {
            resolved = await secrets.ResolveAsync(@namespace, handler.Secrets, $"handler {name}", cancellationToken);
        }
        catch (SecretLookupException ex)
        {
            throw new PipelineStageException(
                $"failed to retrieve secrets for handler {name}: secret {ex.Secret} (provider {ex.Provider}): {scrubber.Scrub(ex.Message)}", ex);
        }
        var installed = await assets.InstallAsync($"handler {name}", @namespace, handler.RuntimeAssets, cancellationToken);
        var request = new ProcessRequest
        {
            Command = handler.Command ?? "",
            // The layers of secrets-spec §4.5, merged once by the runner: allow-listed base and assets, env_vars, secrets last.
            BaseEnvironment = RuntimeAssetEnvironment.Compose(baseEnvironment.Entries, installed),
            EnvVars = handler.EnvVars,
            ExtraEnvironment = SecretEnvironment.Entries(resolved).ToList(),
            Stdin = body,
            Timeout = handler.Timeout > 0 ? TimeSpan.FromSeconds(handler.Timeout) : null,
        };
        ProcessResult result;
        try
        {
            result = await processes.RunAsync(request, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new PipelineStageException($"handler {name}: {scrubber.Scrub(ex.Message)}", ex);
        }
        var output = scrubber.Scrub(result.Output);
        if (result.TimedOut)
        {
            Log.PipeHandlerTimedOut(logger, name, handler.Timeout, EventKey.Of(ev));
            return HandlerOutcome.TimedOut;
        }
        if (result.ExitCode != 0)
        {
            Log.PipeHandlerNonZero(logger, name, result.ExitCode, output);
            return HandlerOutcome.NonZero;
        }
        Log.PipeHandlerRan(logger, name, result.ExitCode, output);
        return HandlerOutcome.Ok;
    }
}
