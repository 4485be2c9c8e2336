using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

public sealed class ResourceCommandsTests
{
    private const string Check = """
        type: CheckConfig
        metadata: {name: check-cpu}
        spec: {command: "check-cpu -w 75", interval: 60, timeout: 30, publish: true, subscriptions: [linux, web], handlers: [slack]}
        """;

    [Fact]
    public async Task CheckList_Tabular_HasSensuColumns()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("create", Check)).AssertSuccess();

        var run = (await cli.RunAsync("check list")).AssertSuccess();

        foreach (var header in new[] { "Name", "Command", "Interval", "Cron", "Timeout", "TTL", "Subscriptions", "Handlers", "Assets", "Hooks", "Publish?", "Stdin?", "Metric Format", "Metric Handlers" })
            Assert.Contains(header, run.Out);
        Assert.Contains("check-cpu -w 75", run.Out);
        Assert.Contains("linux,web", run.Out);
        Assert.DoesNotContain("\u001b[", run.Out);
    }

    [Fact]
    public async Task Info_InEveryFormat_AndDelete()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("create", Check)).AssertSuccess();

        Assert.Contains("=== check-cpu", (await cli.RunAsync("check info check-cpu")).AssertSuccess().Out);
        Assert.Equal(60, JsonNode.Parse((await cli.RunAsync("check info check-cpu --format json")).Out)!["interval"]!.GetValue<int>());
        Assert.Equal("CheckConfig", JsonNode.Parse((await cli.RunAsync("check info check-cpu --format wrapped-json")).Out)!["type"]!.GetValue<string>());
        Assert.StartsWith("type: CheckConfig", (await cli.RunAsync("check info check-cpu --format yaml")).Out);

        (await cli.RunAsync("check delete check-cpu")).AssertFailure();
        (await cli.RunAsync("check delete check-cpu --skip-confirm")).AssertSuccess();
        var missing = (await cli.RunAsync("check info check-cpu")).AssertFailure();
        Assert.Contains("404", missing.Error);
    }

    [Fact]
    public async Task ChunkSize_PagesThroughTheWholeList()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var docs = string.Join("\n---\n", Enumerable.Range(0, 7).Select(i => $"type: Handler\nmetadata: {{name: h{i}}}\nspec: {{type: pipe, command: x}}"));
        (await cli.RunAsync("create", docs)).AssertSuccess();

        var list = JsonNode.Parse((await cli.RunAsync("handler list --chunk-size 2 --format json")).AssertSuccess().Out)!.AsArray();

        Assert.Equal(7, list.Count);
    }

    [Fact]
    public async Task Silenced_User_Namespace_Verbs()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        (await cli.RunAsync("silenced create --subscription linux --check check-cpu --reason maintenance")).AssertSuccess();
        Assert.Contains("linux:check-cpu", (await cli.RunAsync("silenced list")).AssertSuccess().Out);
        (await cli.RunAsync("silenced clear --subscription linux --check check-cpu --skip-confirm")).AssertSuccess();
        Assert.DoesNotContain("linux:check-cpu", (await cli.RunAsync("silenced list")).AssertSuccess().Out);

        (await cli.RunAsync("user create alice --password Al1ce-password --groups ops")).AssertSuccess();
        (await cli.RunAsync("user disable alice --skip-confirm")).AssertSuccess();
        Assert.True(JsonNode.Parse((await cli.RunAsync("user info alice --format json")).Out)!["disabled"]!.GetValue<bool>());
        (await cli.RunAsync("user reinstate alice")).AssertSuccess();
        (await cli.RunAsync("user change-password alice --new-password N3w-password")).AssertSuccess();
        using var alice = new CliHarness();
        (await alice.RunAsync($"configure -n --url {backend.BaseAddress} --username alice --password N3w-password")).AssertSuccess();

        (await cli.RunAsync("namespace create prod")).AssertSuccess();
        Assert.Contains("prod", (await cli.RunAsync("namespace list")).AssertSuccess().Out);
        (await cli.RunAsync("namespace delete prod --skip-confirm")).AssertSuccess();
    }

    [Fact]
    public async Task Event_Resolve_And_Delete()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("create", """
            type: Event
            spec:
              entity: {metadata: {name: server01}, entity_class: proxy}
              check: {metadata: {name: check-cpu}, status: 2, output: "CPU high", interval: 60}
            """)).AssertSuccess();

        Assert.Contains("server01", (await cli.RunAsync("event list")).AssertSuccess().Out);
        (await cli.RunAsync("event resolve server01 check-cpu")).AssertSuccess();
        var resolved = JsonNode.Parse((await cli.RunAsync("event info server01 check-cpu --format json")).AssertSuccess().Out)!;
        Assert.Equal(0, resolved["check"]!["status"]!.GetValue<int>());
        (await cli.RunAsync("event delete server01 check-cpu --skip-confirm")).AssertSuccess();
        (await cli.RunAsync("event info server01 check-cpu")).AssertFailure();
    }

    [Fact]
    public async Task Edit_UsesEditor_AndSaves()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        if (OperatingSystem.IsWindows())
            return; // the fake editor is a shell script
        (await cli.RunAsync("create", Check)).AssertSuccess();
        var script = Path.Combine(cli.ConfigDir, "editor.sh");
        await File.WriteAllTextAsync(script, "#!/bin/sh\nsed -i 's/interval: 60/interval: 90/' \"$1\"\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        cli.Environment["EDITOR"] = script;

        (await cli.RunAsync("edit check check-cpu")).AssertSuccess();

        Assert.Equal(90, JsonNode.Parse((await cli.RunAsync("check info check-cpu --format json")).Out)!["interval"]!.GetValue<int>());
    }
}
