using Sensu.Core.Wrapped;

namespace Sensu.Cli.Output;

/// <summary>Names of <see cref="OutputFormat"/> as typed on the command line.</summary>
public static class OutputFormats
{
    public static readonly string[] Names = ["tabular", "json", "wrapped-json", "yaml"];

    public static OutputFormat Parse(string text) => text switch
    {
        "tabular" => OutputFormat.Tabular,
        "json" => OutputFormat.Json,
        "wrapped-json" => OutputFormat.WrappedJson,
        "yaml" => OutputFormat.Yaml,
        _ => throw new CliException($"invalid format \"{text}\": use one of {string.Join(", ", Names)}"),
    };

    public static string Name(OutputFormat format) => Names[(int)format];

    public static WrappedFormat ToWrapped(OutputFormat format) => format switch
    {
        OutputFormat.Json => WrappedFormat.Json,
        OutputFormat.WrappedJson => WrappedFormat.WrappedJson,
        OutputFormat.Yaml => WrappedFormat.Yaml,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "tabular is not a wrapped format"),
    };
}
