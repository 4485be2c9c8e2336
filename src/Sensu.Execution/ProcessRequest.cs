namespace Sensu.Execution;

/// <summary>
/// One command to run with <c>sh -c</c>: its environment layers (see <see cref="EnvironmentComposer"/>),
/// optional stdin bytes and timeout.
/// </summary>
public sealed record ProcessRequest
{
    /// <summary>The shell command line, run as <c>sh -c COMMAND</c>.</summary>
    public required string Command { get; init; }

    /// <summary>
    /// <c>KEY=VALUE</c> entries to start from (see <see cref="Sensu.Execution.BaseEnvironment"/>); null means the variables of
    /// this process that <see cref="ChildEnvironmentPolicy.Default"/> lets through (<c>PATH</c>, <c>HOME</c>, locale, proxies),
    /// never its whole environment.
    /// </summary>
    public IReadOnlyList<string>? BaseEnvironment { get; init; }

    /// <summary>The resource's <c>env_vars</c> (<c>KEY=VALUE</c>), merged over the base environment.</summary>
    public IReadOnlyList<string> EnvVars { get; init; } = [];

    /// <summary>Entries merged last (runtime assets, secrets); <c>PATH</c>-style keys are prepended.</summary>
    public IReadOnlyList<string> ExtraEnvironment { get; init; } = [];

    /// <summary>Bytes written to the command's stdin, which is then closed; null gives an empty stdin.</summary>
    public ReadOnlyMemory<byte>? Stdin { get; init; }

    /// <summary>Kills the command's process group after this long; null or zero means no timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Working directory; null keeps the current one.</summary>
    public string? WorkingDirectory { get; init; }
}
