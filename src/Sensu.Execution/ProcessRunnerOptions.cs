namespace Sensu.Execution;

/// <summary>Settings of a <see cref="ProcessRunner"/>.</summary>
public sealed class ProcessRunnerOptions
{
    /// <summary>Most commands running at once; further calls wait for a slot.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>The shell that runs commands.</summary>
    public string Shell { get; set; } = "/bin/sh";

    /// <summary>
    /// After a kill, how long to wait for the output pipes to close (a process that left the group may
    /// still hold them) before returning what was read.
    /// </summary>
    public TimeSpan KillGracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Start commands with <c>posix_spawn</c> where it is available (Linux); false uses <see cref="System.Diagnostics.Process"/>
    /// through <c>setsid</c>, one exec more per command.
    /// </summary>
    public bool UsePosixSpawn { get; set; } = true;
}
