using Microsoft.Extensions.Logging.Console;

namespace Sensu.Core.Logging;

/// <summary>Settings shared by the JSON and text formatters.</summary>
public sealed class SensuLogFormatterOptions : ConsoleFormatterOptions
{
    /// <summary>The component of entries whose category names no daemon: <c>backend</c> or <c>agent</c>.</summary>
    public string Program { get; set; } = "backend";

    /// <summary>Whether warnings and informational entries carry their exception's stack (set at debug and trace).</summary>
    public bool StackAtEveryLevel { get; set; }

    /// <summary>The clock of each entry's <c>time</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
