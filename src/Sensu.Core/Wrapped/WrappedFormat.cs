namespace Sensu.Core.Wrapped;

/// <summary>Output formats for a list of resources (sensuctl's <c>--format</c>).</summary>
public enum WrappedFormat
{
    /// <summary>Bare resource JSON; a JSON array for a list.</summary>
    Json,

    /// <summary>Wrapped resources as a JSON stream: pretty-printed objects back to back.</summary>
    WrappedJson,

    /// <summary>Wrapped resources as YAML documents separated by <c>---</c>.</summary>
    Yaml,
}
