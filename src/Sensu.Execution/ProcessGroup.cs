using System.Runtime.InteropServices;

namespace Sensu.Execution;

/// <summary>Signals a whole process group (the command started by <c>setsid</c> leads its own group).</summary>
internal static partial class ProcessGroup
{
    private const int SigKill = 9;

    /// <summary>Sends SIGKILL to every process of the group led by <paramref name="leaderPid"/>; false when that failed.</summary>
    public static bool Kill(int leaderPid) => leaderPid > 1 && SysKill(-leaderPid, SigKill) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);
}
