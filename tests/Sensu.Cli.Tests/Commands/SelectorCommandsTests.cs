using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands;

/// <summary><c>--label-selector</c> and <c>--field-selector</c> on list commands reach the backend's selectors (issue 17 point 5).</summary>
public sealed class SelectorCommandsTests
{
    private const string Checks = """
        type: CheckConfig
        metadata: {name: check-cpu, labels: {region: eu}}
        spec: {command: "check-cpu", interval: 60, subscriptions: [linux]}
        ---
        type: CheckConfig
        metadata: {name: check-iis, labels: {region: us}}
        spec: {command: "check-iis", interval: 60, subscriptions: [windows]}
        """;

    [Fact]
    public async Task List_commands_select_by_label_and_field()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("create", Checks)).AssertSuccess();

        var byField = (await cli.RunAsync(["check", "list", "--format", "json", "--field-selector", "linux in check.subscriptions"])).AssertSuccess().Out;
        var byLabel = (await cli.RunAsync(["check", "list", "--format", "json", "--label-selector", "region == us"])).AssertSuccess().Out;

        Assert.Contains("check-cpu", byField, StringComparison.Ordinal);
        Assert.DoesNotContain("check-iis", byField, StringComparison.Ordinal);
        Assert.Contains("check-iis", byLabel, StringComparison.Ordinal);
        Assert.DoesNotContain("check-cpu", byLabel, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_selector_fails_with_the_backends_reason()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = await cli.RunAsync(["check", "list", "--field-selector", "check.name = cpu"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("failed to parse fieldSelector", run.Error, StringComparison.Ordinal);
    }
}
