using System.Runtime.InteropServices;

namespace Sensu.Execution;

/// <summary>The libc calls behind <see cref="SpawnedChildProcess"/> and <see cref="ProcessGroup"/> (Linux, glibc or musl).</summary>
internal static unsafe partial class PosixSpawnNative
{
    /// <summary>Bytes reserved for a <c>posix_spawnattr_t</c> (336 on glibc x86-64 and arm64).</summary>
    public const int AttrSize = 1024;

    /// <summary>Bytes reserved for a <c>posix_spawn_file_actions_t</c> (80 on glibc).</summary>
    public const int FileActionsSize = 512;

    /// <summary>Bytes reserved for a <c>sigset_t</c> (128 on glibc).</summary>
    public const int SigSetSize = 256;

    public const short SetPGroup = 0x02;
    public const short SetSigDefault = 0x04;
    public const short SetSigMask = 0x08;
    public const int CloseOnExec = 0x80000;
    public const int NoHang = 1;
    public const int SigKill = 9;
    public const int ErrorInterrupted = 4;

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe2(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "waitpid", SetLastError = true)]
    public static partial int WaitPid(int pid, int* status, int options);

    [LibraryImport("libc", EntryPoint = "sigemptyset")]
    public static partial int SigEmptySet(void* set);

    [LibraryImport("libc", EntryPoint = "sigfillset")]
    public static partial int SigFillSet(void* set);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_init")]
    public static partial int AttrInit(void* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_destroy")]
    public static partial int AttrDestroy(void* attr);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setflags")]
    public static partial int AttrSetFlags(void* attr, short flags);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setpgroup")]
    public static partial int AttrSetPGroup(void* attr, int pgroup);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigmask")]
    public static partial int AttrSetSigMask(void* attr, void* set);

    [LibraryImport("libc", EntryPoint = "posix_spawnattr_setsigdefault")]
    public static partial int AttrSetSigDefault(void* attr, void* set);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_init")]
    public static partial int FileActionsInit(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_destroy")]
    public static partial int FileActionsDestroy(void* actions);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_adddup2")]
    public static partial int FileActionsAddDup2(void* actions, int fd, int newFd);

    [LibraryImport("libc", EntryPoint = "posix_spawn_file_actions_addchdir_np")]
    public static partial int FileActionsAddChdir(void* actions, byte* path);

    [LibraryImport("libc", EntryPoint = "posix_spawn")]
    public static partial int Spawn(int* pid, byte* path, void* actions, void* attr, byte** argv, byte** envp);
}
