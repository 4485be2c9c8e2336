using System.Text.Json.Nodes;
using Sensu.Core.Resources.Core;
using Sensu.Execution.JavaScript;

namespace Sensu.Execution.Assets;

/// <summary>
/// Chooses what to download for an entity (core-spec §6.5): with <c>builds</c>, the first build whose filters are all
/// true; without, the asset itself when its own filters are all true. Filters see the variable <c>entity</c>.
/// A filter that fails to evaluate is an error, not a silent "no".
/// </summary>
internal static class AssetBuildSelector
{
    public static AssetSource? Select(Asset asset, JsonNode? entity, IJavaScriptEngine javaScript, CancellationToken cancellationToken)
    {
        if (asset.Builds.Count == 0)
        {
            return Matches(asset.Filters, asset, entity, javaScript, cancellationToken)
                ? new AssetSource(asset.Url ?? "", asset.Sha512 ?? "", asset.Headers)
                : null;
        }
        foreach (var build in asset.Builds)
        {
            if (Matches(build.Filters, asset, entity, javaScript, cancellationToken))
                return new AssetSource(build.Url, build.Sha512, build.Headers);
        }
        return null;
    }

    private static bool Matches(List<string> filters, Asset asset, JsonNode? entity, IJavaScriptEngine javaScript, CancellationToken cancellationToken)
    {
        if (filters.Count == 0)
            return true;
        var scope = new JavaScriptScope { Globals = { ["entity"] = entity?.DeepClone() } };
        try
        {
            return javaScript.EvaluatePredicates(filters, scope, cancellationToken);
        }
        catch (JavaScriptEvaluationException ex)
        {
            throw new AssetInstallException($"error evaluating the filters of asset \"{asset.Metadata.Name}\": {ex.Message}", ex);
        }
    }
}
