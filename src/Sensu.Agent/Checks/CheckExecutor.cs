using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sensu.Agent.Configuration;
using Sensu.Agent.Entity;
using Sensu.Agent.Metrics;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Core.Synthesis;
using Sensu.Core.Tokens;
using Sensu.Execution;
using Sensu.Execution.Assets;

namespace Sensu.Agent.Checks;

/// <summary>
/// Runs one check request (core-spec §6.4 steps 2–8) and returns the event to send: token substitution, allow list,
/// runtime assets, environment (process minus the agent's credentials, see <see cref="AgentChildEnvironment"/>, + assets + secrets + env_vars), stdin, timeout, metrics, hooks, discard_output.
/// Every failure before the command runs becomes a status-3 failure event with the error text as output.
/// </summary>
internal sealed class CheckExecutor(
    IProcessRunner runner,
    IRuntimeAssetInstaller? assets,
    AllowList? allowList,
    AgentEventFactory events,
    AgentEntityProvider entity,
    AgentOptions options,
    TimeProvider time,
    ILogger<CheckExecutor> logger)
{
    public const uint FailureStatus = 3;

    private readonly HookRunner _hooks = new(runner, assets, time);
    private readonly ChildEnvironmentPolicy _environment = AgentChildEnvironment.Policy(options);

    public async Task<Event> ExecuteAsync(CheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agentEntity = entity.Snapshot();
        var synthesized = Synthesized.Entity(agentEntity);
        var config = request.Config;
        CheckConfig substituted;
        try
        {
            substituted = TokenSubstitution.Substitute(config, SensuJsonContext.Default.CheckConfig, synthesized);
        }
        catch (TokenSubstitutionException ex)
        {
            return Failure(config, request, "error while substituting check tokens: " + ex.Message);
        }

        var command = substituted.Command ?? "";
        var envVars = substituted.EnvVars;
        if (allowList is not null)
        {
            var match = allowList.Match(command);
            if (match is null)
            {
                Log.CommandNotAllowed(logger, config.Metadata.Name ?? "", command);
                return Failure(config, request, $"check command \"{command}\" is not allowed by the agent allow list");
            }
            if (!match.EnableEnv)
                envVars = [];
        }

        List<InstalledAsset> installedAssets;
        try
        {
            installedAssets = await InstallAssetsAsync(substituted.RuntimeAssets, request.Assets, synthesized, cancellationToken);
        }
        catch (AssetInstallException ex)
        {
            return Failure(config, request, ex.Message);
        }

        var check = substituted.ToCheck();
        check.Issued = request.Issued;
        check.Executed = events.Now;
        check.ProcessedBy = entity.Name;
        var ev = events.ForCheck(check);

        ReadOnlyMemory<byte>? stdin = null;
        if (substituted.Stdin)
            stdin = JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event);

        var baseEnvironment = _environment.SelectFromProcess().Entries;
        var environment = EnvironmentComposer.Merge(
            RuntimeAssetEnvironment.Compose(baseEnvironment, installedAssets), request.Secrets ?? [], envVars);
        var result = await runner.RunAsync(new ProcessRequest
        {
            Command = command,
            BaseEnvironment = environment,
            Stdin = stdin,
            Timeout = substituted.Timeout > 0 ? TimeSpan.FromSeconds(substituted.Timeout) : null,
        }, cancellationToken);

        check.Status = (uint)Math.Max(0, result.ExitCode);
        check.Output = result.TimedOut ? ProcessResult.TimedOutOutput : result.Output;
        check.Duration = result.Duration.TotalSeconds;

        if (!string.IsNullOrEmpty(check.OutputMetricFormat))
        {
            ev.Metrics = new Core.Resources.Core.Metrics
            {
                Handlers = [.. check.OutputMetricHandlers],
                Points = MetricExtractor.Extract(check.OutputMetricFormat, check.Output, check.Executed, check.OutputMetricTags),
            };
        }
        check.Status = MetricThresholdEvaluator.Evaluate(ev);

        var context = new CheckExecutionContext(agentEntity, synthesized, baseEnvironment, request);
        var hooks = await _hooks.RunAsync(check, ev, context, cancellationToken);
        if (hooks.Count > 0)
            check.Hooks = hooks;

        if (check.DiscardOutput)
            check.Output = "";
        return ev;
    }

    /// <summary>Sensu's failure event: the (unsubstituted) check with status 3 and the error as output.</summary>
    public Event Failure(CheckConfig config, CheckRequest request, string message)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        Log.CheckFailed(logger, config.Metadata.Name ?? "", message);
        var check = config.ToCheck();
        check.Issued = request.Issued;
        check.Executed = events.Now;
        check.Status = FailureStatus;
        check.Output = message;
        check.ProcessedBy = entity.Name;
        return events.ForCheck(check);
    }

    private async Task<List<InstalledAsset>> InstallAssetsAsync(
        IReadOnlyList<string> names, IReadOnlyList<Asset> available, System.Text.Json.Nodes.JsonObject synthesized, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
            return [];
        if (options.DisableAssets)
            throw new AssetInstallException("check requested assets, but they are disabled on this agent");
        if (assets is null)
            throw new AssetInstallException("check requested assets, but no asset installer is available on this agent");
        var installed = new List<InstalledAsset>();
        foreach (var name in names)
        {
            var asset = available.FirstOrDefault(a => a.Metadata.Name == name);
            if (asset is null)
            {
                Log.AssetMissing(logger, name);
                continue;
            }
            if (await assets.InstallAsync(asset, synthesized, cancellationToken) is { } done)
                installed.Add(done);
            else
                Log.AssetNotApplicable(logger, name);
        }
        return installed;
    }
}
