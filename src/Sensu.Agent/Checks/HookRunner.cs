using System.Text.Json;
using Sensu.Core.Json;
using Sensu.Core.Resources.Core;
using Sensu.Core.Tokens;
using Sensu.Execution;
using Sensu.Execution.Assets;

namespace Sensu.Agent.Checks;

/// <summary>
/// Runs the hooks whose type matches the check status (core-spec §3.3): each listed hook once, in order;
/// a hook missing from the request gives an error entry.
/// </summary>
internal sealed class HookRunner(IProcessRunner runner, IRuntimeAssetInstaller? assets, TimeProvider time)
{
    public async Task<List<HookResult>> RunAsync(Check check, Event ev, CheckExecutionContext context, CancellationToken cancellationToken)
    {
        var results = new List<HookResult>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in check.CheckHooks)
        {
            if (!list.Matches(check.Status))
                continue;
            foreach (var name in list.Hooks)
            {
                if (!seen.Add(name))
                    continue;
                var config = context.Request.Hooks.FirstOrDefault(h => h.Metadata.Name == name);
                results.Add(config is null
                    ? Error(name, ev, context, "hook does not exist: " + name)
                    : await RunOneAsync(config, ev, context, cancellationToken));
            }
        }
        return results;
    }

    private async Task<HookResult> RunOneAsync(HookConfig config, Event ev, CheckExecutionContext context, CancellationToken cancellationToken)
    {
        HookConfig hook;
        try
        {
            hook = TokenSubstitution.Substitute(config, SensuJsonContext.Default.HookConfig, context.SynthesizedEntity);
        }
        catch (TokenSubstitutionException ex)
        {
            return Error(config.Metadata.Name ?? "", ev, context, "error while substituting hook tokens: " + ex.Message, config);
        }

        var installed = new List<InstalledAsset>();
        if (hook.RuntimeAssets.Count > 0 && assets is not null
            && context.Request.HookAssets?.GetValueOrDefault(hook.Metadata.Name ?? "") is { } hookAssets)
        {
            try
            {
                foreach (var asset in hookAssets.Assets.Where(a => hook.RuntimeAssets.Contains(a.Metadata.Name ?? "")))
                {
                    if (await assets.InstallAsync(asset, context.SynthesizedEntity, cancellationToken) is { } done)
                        installed.Add(done);
                }
            }
            catch (AssetInstallException ex)
            {
                return Error(hook.Metadata.Name ?? "", ev, context, ex.Message, hook);
            }
        }

        var result = hook.ToResult();
        result.Issued = context.Request.Issued;
        result.Executed = time.GetUtcNow().ToUnixTimeSeconds();
        var run = await runner.RunAsync(new ProcessRequest
        {
            Command = hook.Command ?? "",
            BaseEnvironment = RuntimeAssetEnvironment.Compose(context.BaseEnvironment, installed),
            Stdin = hook.Stdin ? JsonSerializer.SerializeToUtf8Bytes(ev, SensuJsonContext.Default.Event) : null,
            Timeout = hook.Timeout > 0 ? TimeSpan.FromSeconds(hook.Timeout) : null,
        }, cancellationToken);
        result.Status = run.ExitCode;
        result.Output = run.TimedOut ? ProcessResult.TimedOutOutput : run.Output;
        result.Duration = run.Duration.TotalSeconds;
        return result;
    }

    private HookResult Error(string name, Event ev, CheckExecutionContext context, string message, HookConfig? config = null)
    {
        var result = config?.ToResult() ?? new HookResult();
        result.Metadata.Name = name;
        result.Metadata.Namespace = ev.Metadata.Namespace;
        result.Issued = context.Request.Issued;
        result.Executed = time.GetUtcNow().ToUnixTimeSeconds();
        result.Status = (int)CheckExecutor.FailureStatus;
        result.Output = message;
        return result;
    }
}
