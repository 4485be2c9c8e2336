using System.Text;
using Sensu.Backend.Pipeline.Assets;
using Sensu.Backend.Secrets;
using Sensu.Core.Resources.Core;
using Sensu.Execution;
using Sensu.Execution.Assets;
using Sensu.Backend.Secrets.Redaction;

namespace Sensu.Backend.Pipeline.Mutators;

/// <summary>
/// A pipe mutator (core-spec §5.4): <c>sh -c command</c> with the event JSON (entity redacted) on stdin; the
/// environment is the backend's allow-listed <see cref="BaseEnvironment"/> (see <see cref="ChildEnvironmentAllowList"/>), then the assets', then <c>env_vars</c>, then the secrets (secrets-spec §4.5);
/// stdout and stderr become the handler's input. A non-zero exit, a timeout, an asset or a secret that cannot be
/// had is an error and the handler is not run. Output in errors is scrubbed of secret values.
/// </summary>
public sealed class PipeMutator(
    IProcessRunner processes,
    BaseEnvironment baseEnvironment,
    SecretsResolver secrets,
    SecretScrubber scrubber,
    PipelineAssets assets) : IMutatorKind
{
    public string Type => Mutator.PipeType;

    public async ValueTask<byte[]> MutateAsync(Mutator mutator, Event ev, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mutator);
        var name = mutator.Metadata.Name ?? "";
        var @namespace = mutator.Metadata.Namespace ?? EventKey.Namespace(ev);
        IReadOnlyList<(string EnvName, SecretValue Value)> resolved;
        try
        {
            resolved = await secrets.ResolveAsync(@namespace, mutator.Secrets, $"mutator {name}", cancellationToken);
        }
        catch (SecretLookupException ex)
        {
            throw new PipelineStageException(
                $"failed to retrieve secrets for mutator {name}: secret {ex.Secret} (provider {ex.Provider}): {scrubber.Scrub(ex.Message)}", ex);
        }
        var installed = await assets.InstallAsync($"mutator {name}", @namespace, mutator.RuntimeAssets, cancellationToken);
        var request = new ProcessRequest
        {
            Command = mutator.Command ?? "",
            // The layers of secrets-spec §4.5, merged once by the runner: allow-listed base and assets, env_vars, secrets last.
            BaseEnvironment = RuntimeAssetEnvironment.Compose(baseEnvironment.Entries, installed),
            EnvVars = mutator.EnvVars,
            ExtraEnvironment = SecretEnvironment.Entries(resolved).ToList(),
            Stdin = JsonMutator.ToJson(ev),
            Timeout = mutator.Timeout > 0 ? TimeSpan.FromSeconds(mutator.Timeout) : null,
        };
        ProcessResult result;
        try
        {
            result = await processes.RunAsync(request, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new PipelineStageException($"mutator {name}: {scrubber.Scrub(ex.Message)}", ex);
        }
        if (result.TimedOut)
            throw new PipelineStageException($"mutator {name} timed out after {mutator.Timeout}s and was killed");
        if (result.ExitCode != 0)
        {
            throw new PipelineStageException(
                $"mutator {name}: pipe mutator execution returned non-zero exit status {result.ExitCode}, output: {scrubber.Scrub(result.Output).TrimEnd()}");
        }
        return Encoding.UTF8.GetBytes(result.Output);
    }
}
