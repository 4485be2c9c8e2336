namespace Sensu.Execution;

/// <summary>A started <c>sh -c</c> command as <see cref="ProcessRunner"/> drives it.</summary>
internal interface IChildProcess : IDisposable
{
    /// <summary>The command's stdin; the runner writes the payload, then disposes it.</summary>
    Stream Stdin { get; }

    /// <summary>The command's stdout (with stderr merged into it where the launcher can do that).</summary>
    Stream Output { get; }

    /// <summary>The command's stderr when it has a pipe of its own; otherwise null.</summary>
    Stream? Error { get; }

    /// <summary>Waits for the command to exit (called once its output has closed) and returns its exit code.</summary>
    Task<int> WaitForExitAsync();

    /// <summary>Sends SIGKILL to the command's process group; a command already reaped is left alone.</summary>
    void KillGroup();
}
