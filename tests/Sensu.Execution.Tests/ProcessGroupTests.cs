using System.Diagnostics;

namespace Sensu.Execution.Tests;

public sealed class ProcessGroupTests
{
    [Fact]
    public async Task Kill_signals_a_group_led_by_a_setsid_process()
    {
        Assert.True(File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid"), "setsid is needed for process-group kills");
        using var process = Process.Start(new ProcessStartInfo("setsid", ["sleep", "300"]))!;
        // setsid() runs right after exec; retry until the group exists.
        var killed = false;
        for (var i = 0; i < 100 && !killed; i++)
        {
            killed = ProcessGroup.Kill(process.Id);
            if (!killed)
                await Task.Delay(20);
        }
        Assert.True(killed);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await process.WaitForExitAsync(cts.Token);
        Assert.NotEqual(0, process.ExitCode);
        Assert.False(ProcessGroup.Kill(1));
    }
}
