using System.IO.Pipes;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sensu.Execution;

/// <summary>
/// A command started with <c>posix_spawn</c>: one call that puts the child in a process group of its own
/// (<c>POSIX_SPAWN_SETPGROUP</c>, so no <c>setsid</c> exec is needed), resets every signal to its default and
/// clears the signal mask (this runtime ignores SIGPIPE, which a child must not inherit), and points stdin at one
/// pipe and both stdout and stderr at another, so the command's output keeps its own order. The child is reaped
/// here with <c>waitpid</c>.
/// </summary>
internal sealed class SpawnedChildProcess : IChildProcess
{
    private static volatile bool s_reapedElsewhere;

    private readonly Lock _gate = new();
    private readonly int _pid;
    private int? _exitCode;

    private SpawnedChildProcess(int pid, Stream stdin, Stream output)
    {
        _pid = pid;
        Stdin = stdin;
        Output = output;
    }

    public Stream Stdin { get; }

    public Stream Output { get; }

    public Stream? Error => null;

    /// <summary>Whether a child was found reaped elsewhere (settable for tests, which must put it back).</summary>
    internal static bool ReapedElsewhere
    {
        get => s_reapedElsewhere;
        set => s_reapedElsewhere = value;
    }

    /// <summary>The child's process id.</summary>
    internal int Pid => _pid;

    /// <summary>
    /// True where <c>posix_spawn</c> with these flags is available, and until a child of ours was found reaped by
    /// someone else (a process started with SIGCHLD ignored has the runtime reap every child): from then on exit
    /// codes could be lost, so the runner falls back to <see cref="DotnetChildProcess"/>.
    /// </summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && !s_reapedElsewhere;

    /// <summary>Starts <paramref name="path"/> with <paramref name="arguments"/> (argv[0] included) and <paramref name="environment"/>.</summary>
    /// <exception cref="InvalidOperationException">The command could not be started; the message names the reason.</exception>
    public static unsafe SpawnedChildProcess Start(string path, IReadOnlyList<string> arguments, IReadOnlyList<string> environment, string? workingDirectory)
    {
        var input = stackalloc int[2];
        var output = stackalloc int[2];
        if (PosixSpawnNative.Pipe2(input, PosixSpawnNative.CloseOnExec) != 0)
            throw new InvalidOperationException($"cannot start {path}: pipe: {Marshal.GetLastPInvokeErrorMessage()}");
        if (PosixSpawnNative.Pipe2(output, PosixSpawnNative.CloseOnExec) != 0)
        {
            var message = Marshal.GetLastPInvokeErrorMessage();
            CloseAll(input[0], input[1]);
            throw new InvalidOperationException($"cannot start {path}: pipe: {message}");
        }

        int pid;
        int error;
        try
        {
            error = Spawn(path, arguments, environment, workingDirectory, stdinRead: input[0], outputWrite: output[1], out pid);
        }
        catch (InvalidOperationException ex)
        {
            CloseAll(input[0], input[1], output[0], output[1]);
            throw new InvalidOperationException($"cannot start {path}: {ex.Message}", ex);
        }
        // The child holds its own copies; the parent's must go, or the output would never reach end of file.
        CloseAll(input[0], output[1]);
        if (error != 0)
        {
            CloseAll(input[1], output[0]);
            throw new InvalidOperationException($"cannot start {path}: {Marshal.GetPInvokeErrorMessage(error)}");
        }
        var stdin = new AnonymousPipeClientStream(PipeDirection.Out, new SafePipeHandle(input[1], ownsHandle: true));
        var stdout = new AnonymousPipeClientStream(PipeDirection.In, new SafePipeHandle(output[0], ownsHandle: true));
        return new SpawnedChildProcess(pid, stdin, stdout);
    }

    public async Task<int> WaitForExitAsync()
    {
        // The output has closed, so the command is almost always exiting already: look a few times before
        // parking a thread on a blocking wait (a command can close its output and go on running).
        var spinner = new SpinWait();
        for (var i = 0; i < 40; i++)
        {
            if (TryReap(blocking: false) is { } code)
                return code;
            spinner.SpinOnce(sleep1Threshold: -1);
        }
        return await Task.Factory.StartNew(
            () => TryReap(blocking: true) ?? ProcessResult.UnknownExitCode,
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    public void KillGroup()
    {
        lock (_gate)
        {
            // Once reaped, the pid (and its group id) may belong to someone else.
            if (_exitCode is not null)
                return;
            PosixSpawnNative.Kill(-_pid, PosixSpawnNative.SigKill);
            PosixSpawnNative.Kill(_pid, PosixSpawnNative.SigKill);
        }
    }

    public void Dispose()
    {
        Stdin.Dispose();
        Output.Dispose();
        bool reaped;
        lock (_gate)
            reaped = _exitCode is not null;
        if (!reaped)
        {
            // Left running (the caller gave up on it): end it and reap it in the background, so no zombie stays.
            KillGroup();
            _ = Task.Factory.StartNew(() => TryReap(blocking: true), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    private unsafe int? TryReap(bool blocking)
    {
        int status;
        int result;
        do
        {
            result = PosixSpawnNative.WaitPid(_pid, &status, blocking ? 0 : PosixSpawnNative.NoHang);
        }
        while (result < 0 && Marshal.GetLastPInvokeError() == PosixSpawnNative.ErrorInterrupted);

        lock (_gate)
        {
            if (_exitCode is { } known)
                return known;
            if (result == 0)
                return null;
            // Reaped by someone else (ECHILD) or an exit status: either way the pid is no longer ours.
            if (result < 0)
                s_reapedElsewhere = true;
            _exitCode = result < 0 ? ProcessResult.UnknownExitCode : Decode(status);
            return _exitCode;
        }
    }

    // Exited: its code; killed by a signal: 128 + the signal, as shells report it.
    private static int Decode(int status) => (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);

    private static unsafe int Spawn(string path, IReadOnlyList<string> arguments, IReadOnlyList<string> environment, string? workingDirectory, int stdinRead, int outputWrite, out int pid)
    {
        var attr = NativeMemory.AllocZeroed(PosixSpawnNative.AttrSize);
        var actions = NativeMemory.AllocZeroed(PosixSpawnNative.FileActionsSize);
        var signals = NativeMemory.AllocZeroed(PosixSpawnNative.SigSetSize);
        var strings = new List<(IntPtr Pointer, int Length)>(arguments.Count + environment.Count + 2);
        var argv = (byte**)NativeMemory.AllocZeroed((nuint)(arguments.Count + 1), (nuint)sizeof(byte*));
        var envp = (byte**)NativeMemory.AllocZeroed((nuint)(environment.Count + 1), (nuint)sizeof(byte*));
        var attrReady = false;
        var actionsReady = false;
        try
        {
            Check(PosixSpawnNative.AttrInit(attr));
            attrReady = true;
            Check(PosixSpawnNative.FileActionsInit(actions));
            actionsReady = true;
            Check(PosixSpawnNative.AttrSetFlags(attr, PosixSpawnNative.SetPGroup | PosixSpawnNative.SetSigDefault | PosixSpawnNative.SetSigMask));
            Check(PosixSpawnNative.AttrSetPGroup(attr, 0));
            PosixSpawnNative.SigFillSet(signals);
            Check(PosixSpawnNative.AttrSetSigDefault(attr, signals));
            PosixSpawnNative.SigEmptySet(signals);
            Check(PosixSpawnNative.AttrSetSigMask(attr, signals));
            Check(PosixSpawnNative.FileActionsAddDup2(actions, stdinRead, 0));
            Check(PosixSpawnNative.FileActionsAddDup2(actions, outputWrite, 1));
            Check(PosixSpawnNative.FileActionsAddDup2(actions, outputWrite, 2));
            if (!string.IsNullOrEmpty(workingDirectory))
                Check(PosixSpawnNative.FileActionsAddChdir(actions, Utf8(workingDirectory, strings)));
            for (var i = 0; i < arguments.Count; i++)
                argv[i] = Utf8(arguments[i], strings);
            for (var i = 0; i < environment.Count; i++)
                envp[i] = Utf8(environment[i], strings);
            var file = Utf8(path, strings);
            int child;
            var error = PosixSpawnNative.Spawn(&child, file, actions, attr, argv, envp);
            pid = child;
            return error;
        }
        finally
        {
            if (actionsReady)
                PosixSpawnNative.FileActionsDestroy(actions);
            if (attrReady)
                PosixSpawnNative.AttrDestroy(attr);
            // The environment carries resolved secrets: wipe the native copies before giving the memory back.
            foreach (var (pointer, length) in strings)
            {
                new Span<byte>((void*)pointer, length).Clear();
                Marshal.FreeCoTaskMem(pointer);
            }
            NativeMemory.Free(argv);
            NativeMemory.Free(envp);
            NativeMemory.Free(signals);
            NativeMemory.Free(actions);
            NativeMemory.Free(attr);
        }
    }

    private static unsafe byte* Utf8(string value, List<(IntPtr Pointer, int Length)> owned)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(value);
        owned.Add((pointer, System.Text.Encoding.UTF8.GetByteCount(value)));
        return (byte*)pointer;
    }

    private static void Check(int error)
    {
        if (error != 0)
            throw new InvalidOperationException(Marshal.GetPInvokeErrorMessage(error));
    }

    private static void CloseAll(params ReadOnlySpan<int> fds)
    {
        foreach (var fd in fds)
            PosixSpawnNative.Close(fd);
    }
}
