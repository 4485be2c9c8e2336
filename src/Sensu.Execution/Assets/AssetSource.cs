namespace Sensu.Execution.Assets;

/// <summary>What to download for an asset once its build has been chosen.</summary>
internal sealed record AssetSource(string Url, string Sha512, IReadOnlyDictionary<string, string> Headers);
