namespace Sensu.Execution;

/// <summary>
/// What a command did: its exit code (<see cref="TimedOutExitCode"/> on timeout), its stdout and stderr
/// combined, how long it ran, and whether the timeout killed it.
/// </summary>
public sealed record ProcessResult(int ExitCode, string Output, TimeSpan Duration, bool TimedOut)
{
    /// <summary>Sensu's output for a command killed by its timeout.</summary>
    public const string TimedOutOutput = "Execution timed out\n";

    /// <summary>Sensu's status for a command killed by its timeout (critical).</summary>
    public const int TimedOutExitCode = 2;

    /// <summary>Sensu's status when the exit code could not be read.</summary>
    public const int UnknownExitCode = 3;
}
