using System.Text.Json.Nodes;
using Sensu.Core.Wrapped;

namespace Sensu.Cli.Output;

/// <summary>
/// Prints a small record that is not a resource (active configuration, type descriptions): a <c>=== Title</c> block of
/// <c>Label: value</c> lines in tabular form, else its JSON object as JSON or YAML.
/// </summary>
public static class DetailPrinter
{
    public static void Print(CliIo io, OutputFormat format, string title, IReadOnlyList<(string Label, string Value)> rows, JsonNode json)
    {
        switch (format)
        {
            case OutputFormat.Json:
            case OutputFormat.WrappedJson:
                io.Out.WriteLine(JsonText.Write(json));
                return;
            case OutputFormat.Yaml:
                io.Out.Write(JsonToYaml.Write(json));
                return;
        }
        io.Out.WriteLine($"=== {title}");
        var width = rows.Max(r => r.Label.Length) + 1;
        foreach (var (label, value) in rows)
            io.Out.WriteLine((label + ":").PadRight(width + 1) + value);
    }
}
