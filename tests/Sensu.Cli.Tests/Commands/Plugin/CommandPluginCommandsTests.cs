using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Docs;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Plugin;

public sealed class CommandPluginCommandsTests
{
    [Fact]
    public async Task Install_List_Exec_Delete_FromAUrl()
    {
        await using var hub = await DocsBonsaiHub.StartAsync();
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        cli.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        await cli.ConfigureAsync(backend);
        var url = new Uri(hub.BaseAddress, "archives/hello.tar.gz");
        var cache = Path.Combine(cli.ConfigDir, "cache");

        (await cli.RunAsync($"command install hello --url {url}")).AssertFailure();
        (await cli.RunAsync($"command install hello --url {url} --checksum {hub.ArchiveSha512}")).AssertSuccess();
        (await cli.RunAsync($"command install hello --url {url} --checksum {hub.ArchiveSha512}")).AssertFailure();
        Assert.Contains(hub.ArchiveSha512[..7], (await cli.RunAsync("command list")).AssertSuccess().Out, StringComparison.Ordinal);

        var run = (await cli.RunAsync(["command", "exec", "hello", "--cache-dir", cache, "--", "--name", "two words"], "ignored stdin")).AssertSuccess();
        Assert.Equal("entrypoint --name two words\n", run.Out);

        (await cli.RunAsync("command delete hello --skip-confirm")).AssertSuccess();
        (await cli.RunAsync("command exec hello")).AssertFailure();
        Assert.DoesNotContain("hello", (await cli.RunAsync("command list --format json")).AssertSuccess().Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Install_FromBonsai_WithoutAVersion_TakesTheLatest()
    {
        await using var hub = await DocsBonsaiHub.StartAsync();
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        cli.Environment["SENSU_BONSAI_URL"] = hub.BaseAddress.ToString();
        await cli.ConfigureAsync(backend);

        var install = (await cli.RunAsync("command install tt sensu/template-toolkit-command")).AssertSuccess().Out;
        Assert.Contains("using latest: 3.7.0", install, StringComparison.Ordinal);
        Assert.Contains("template-toolkit-command_3.7.0_linux_amd64.tar.gz", (await cli.RunAsync("command list --format yaml")).AssertSuccess().Out, StringComparison.Ordinal);
        (await cli.RunAsync("command install bad sensu/template-toolkit-command:0.4.0 --url http://127.0.0.1:1/x.tar.gz")).AssertFailure();
    }
}
