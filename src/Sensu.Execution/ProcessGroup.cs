namespace Sensu.Execution;

/// <summary>Signals a whole process group (the command started by <c>setsid</c> leads its own group).</summary>
internal static class ProcessGroup
{
    /// <summary>Sends SIGKILL to every process of the group led by <paramref name="leaderPid"/>; false when that failed.</summary>
    public static bool Kill(int leaderPid) => leaderPid > 1 && PosixSpawnNative.Kill(-leaderPid, PosixSpawnNative.SigKill) == 0;
}
