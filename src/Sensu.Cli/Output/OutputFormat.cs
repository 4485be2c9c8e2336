namespace Sensu.Cli.Output;

/// <summary>sensuctl's <c>--format</c> values.</summary>
public enum OutputFormat
{
    Tabular,
    Json,
    WrappedJson,
    Yaml,
}
