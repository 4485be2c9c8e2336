using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Sensu.Testing;

/// <summary>
/// The docs-examples corpus (<c>&lt;repo&gt;/../shared/conformance/docs-examples</c>): every wrapped example
/// of Sensu's docs, one file each, with its raw text and its parsed form.
/// </summary>
public static class DocsExamples
{
    public static readonly string[] Versions = ["5.17", "6.14"];

    public static string Root { get; } = FindRoot();

    /// <summary>The <c>shared</c> folder next to the repository (reference specs, conformance corpus).</summary>
    public static string SharedRoot => Path.GetFullPath(Path.Combine(Root, "..", ".."));

    /// <summary>Every example, in version then file order.</summary>
    public static IEnumerable<DocsExample> All()
    {
        foreach (var version in Versions)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(Root, version), "*.json").Order(StringComparer.Ordinal))
                yield return DocsExample.Load(Root, $"{version}/{Path.GetFileName(path)}");
        }
    }

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "conformance", "docs-examples");
                if (Directory.Exists(candidate))
                    return candidate;
            }
        }
        throw new DirectoryNotFoundException("shared/conformance/docs-examples not found next to the repository (expected <repo>/../shared)");
    }
}

/// <summary>One example of the corpus.</summary>
public sealed record DocsExample(string File, string Raw, string Format, JsonObject Resource, bool DocumentedInvalid, IReadOnlyList<string> Caveats)
{
    public string Type => Resource["type"]?.GetValue<string>() ?? string.Empty;

    public string ApiVersion => Resource["api_version"]?.GetValue<string>() ?? "core/v2";

    public override string ToString() => File;

    public static DocsExample Load(string root, string relative)
    {
        var node = JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(root, relative)))!.AsObject();
        var caveats = node["caveats"] switch
        {
            JsonArray a => a.Select(c => c?.ToString() ?? "").ToList(),
            JsonValue v => [v.ToString()],
            _ => [],
        };
        return new DocsExample(
            relative,
            node["raw"]!.GetValue<string>(),
            node["format"]?.GetValue<string>() ?? "yaml",
            node["resource"]!.AsObject(),
            node["documented_invalid"]?.GetValue<bool>() ?? false,
            caveats);
    }
}
