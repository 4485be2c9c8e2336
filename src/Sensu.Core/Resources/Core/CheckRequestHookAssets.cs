namespace Sensu.Core.Resources.Core;

/// <summary>The assets of one hook inside a <see cref="CheckRequest"/>.</summary>
public sealed class CheckRequestHookAssets
{
    public List<Asset> Assets { get; set; } = [];
}
