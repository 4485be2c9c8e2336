using System.Text.Json;
using System.Text.Json.Nodes;
using CoreAsset = Sensu.Core.Resources.Core.Asset;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Commands.Plugin;

/// <summary>
/// Installed sensuctl command plugins: <c>commands.json</c> in sensuctl's configuration directory, alias → wrapped Asset
/// (Sensu keeps them in a bolt file in its cache directory; the content is the same: an alias and an asset in namespace
/// <c>sensuctl</c>). Written 0600, like the other configuration files.
/// </summary>
public sealed class CommandPluginStore(string directory)
{
    public const string FileName = "commands.json";

    public const string AssetNamespace = "sensuctl";

    private string FilePath => Path.Combine(directory, FileName);

    public SortedDictionary<string, CoreAsset> Load()
    {
        var result = new SortedDictionary<string, CoreAsset>(StringComparer.Ordinal);
        if (!File.Exists(FilePath))
            return result;
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(FilePath)) as JsonObject;
        }
        catch (JsonException ex)
        {
            throw new CliException($"command plugin file {FilePath} is not valid JSON: {ex.Message}", ex);
        }
        foreach (var (alias, node) in root ?? [])
        {
            var warnings = new List<string>();
            if (WrappedDecoder.Decode(node, warnings).Resource is CoreAsset asset)
                result[alias] = asset;
        }
        return result;
    }

    public void Save(SortedDictionary<string, CoreAsset> plugins)
    {
        var root = new JsonObject();
        foreach (var (alias, asset) in plugins)
            root[alias] = WrappedEncoder.ToWrappedJson(asset);
        Directory.CreateDirectory(directory);
        var temp = FilePath + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(root, Sensu.Cli.Config.CliJsonContext.Default.JsonObject));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, FilePath, overwrite: true);
    }
}
