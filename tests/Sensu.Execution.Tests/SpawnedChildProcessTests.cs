namespace Sensu.Execution.Tests;

/// <summary>Alone: these flip the process-wide switch that sends every runner of this process back to Process.</summary>
[CollectionDefinition(nameof(SpawnedChildProcessTests), DisableParallelization = true)]
public sealed class SpawnedChildProcessCollection;

[Collection(nameof(SpawnedChildProcessTests))]
public sealed class SpawnedChildProcessTests
{
    [Fact]
    public async Task A_child_reaped_by_someone_else_reports_unknown_and_turns_posix_spawn_off()
    {
        Assert.True(SpawnedChildProcess.IsSupported, "posix_spawn is the runner's way on Linux");
        try
        {
            using var child = SpawnedChildProcess.Start("/bin/sh", ["/bin/sh", "-c", "exit 4"], ["PATH=/usr/bin:/bin"], null);
            await child.Output.CopyToAsync(Stream.Null);
            // What a runtime reaping every child (SIGCHLD ignored at start) would do before us.
            await Task.Run(() => ReapAsOutsider(child.Pid));

            Assert.Equal(ProcessResult.UnknownExitCode, await child.WaitForExitAsync());
            Assert.False(SpawnedChildProcess.IsSupported);

            using var runner = new ProcessRunner(new ProcessRunnerOptions(), TimeProvider.System);
            var result = await runner.RunAsync(new ProcessRequest { Command = "exit 5" }, CancellationToken.None);
            Assert.Equal(5, result.ExitCode);
        }
        finally
        {
            SpawnedChildProcess.ReapedElsewhere = false;
        }
    }

    private static unsafe void ReapAsOutsider(int pid)
    {
        int status;
        Assert.Equal(pid, PosixSpawnNative.WaitPid(pid, &status, 0));
    }
}
