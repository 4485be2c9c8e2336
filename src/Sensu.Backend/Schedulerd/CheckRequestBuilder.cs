using Sensu.Backend.Caching;
using Sensu.Core.Resources.Core;

namespace Sensu.Backend.Schedulerd;

/// <summary>
/// Builds a <see cref="CheckRequest"/> (core-spec §7 "Request build"): the check configuration, the assets named by
/// its <c>runtime_assets</c>, every hook named by its <c>check_hooks</c> with the hooks' own assets, and
/// <c>issued</c>. Assets and hooks come from the watcher-fed caches of the check's namespace; missing ones are left
/// out (the agent reports a missing hook as Sensu's does).
/// </summary>
public sealed class CheckRequestBuilder(ResourceCache<Asset> assets, ResourceCache<HookConfig> hooks)
{
    public CheckRequest Build(CheckConfig check, long issued, IReadOnlyList<string>? secrets)
    {
        ArgumentNullException.ThrowIfNull(check);
        var ns = check.Metadata.Namespace ?? string.Empty;
        var request = new CheckRequest
        {
            Config = check,
            Issued = issued,
            Assets = Assets(ns, check.RuntimeAssets),
            Secrets = secrets is { Count: > 0 } ? [.. secrets] : null,
        };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in check.CheckHooks)
        {
            foreach (var name in list.Hooks)
            {
                if (!seen.Add(name) || hooks.Get(ns, name) is not { } hook)
                    continue;
                request.Hooks.Add(hook);
                if (hook.RuntimeAssets.Count > 0)
                {
                    request.HookAssets ??= [];
                    request.HookAssets[name] = new CheckRequestHookAssets { Assets = Assets(ns, hook.RuntimeAssets) };
                }
            }
        }
        return request;
    }

    private List<Asset> Assets(string ns, IEnumerable<string> names)
    {
        var found = new List<Asset>();
        foreach (var name in names)
        {
            if (assets.Get(ns, name) is { } asset)
                found.Add(asset);
        }
        return found;
    }
}
