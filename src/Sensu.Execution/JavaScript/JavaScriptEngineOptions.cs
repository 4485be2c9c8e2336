namespace Sensu.Execution.JavaScript;

/// <summary>
/// Limits applied to every call of <see cref="JintJavaScriptEngine"/>. A limit of zero (or less) switches that limit off,
/// except <see cref="Timeout"/>, which must be positive.
/// </summary>
public sealed class JavaScriptEngineOptions
{
    /// <summary>Wall-clock budget of one call (all libraries' first run excluded, all expressions of the call included).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Statements one expression or script may run.</summary>
    public int MaxStatements { get; set; } = 10_000_000;

    /// <summary>Bytes one expression or script may allocate (measured on the evaluating thread).</summary>
    public long MemoryLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How many times one function may appear on the call stack.</summary>
    public int MaxRecursionDepth { get; set; } = 256;

    /// <summary>Longest array a script may create.</summary>
    public uint MaxArraySize { get; set; } = 1_000_000;

    /// <summary>Idle engines kept per library set (engines in use are not counted).</summary>
    public int MaxIdleEnginesPerLibrarySet { get; set; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Distinct scripts whose parsed form is cached.</summary>
    public int MaxCachedScripts { get; set; } = 4096;

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "the JavaScript timeout must be positive");
        if (MaxIdleEnginesPerLibrarySet < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxIdleEnginesPerLibrarySet), MaxIdleEnginesPerLibrarySet, "at least one idle engine must be kept");
        if (MaxCachedScripts < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxCachedScripts), MaxCachedScripts, "at least one script must be cacheable");
    }
}
