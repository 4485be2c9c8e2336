using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Check;

public sealed class CheckImperativeCommandsTests
{
    private static async Task<JsonNode> InfoAsync(CliHarness cli, string name) =>
        JsonNode.Parse((await cli.RunAsync($"check info {name} --format json")).AssertSuccess().Out)!;

    [Fact]
    public async Task Create_FromFlags_SendsTheCheck_WithSensuDefaults()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = (await cli.RunAsync(["check", "create", "check-cpu", "--command", "check-cpu.rb -w 75", "--interval", "60", "--subscriptions", "linux, web",
            "--handlers", "slack", "-r", "cpu-asset", "--timeout", "30", "--ttl", "120", "--output-metric-format", "nagios_perfdata", "--round-robin"])).AssertSuccess();

        Assert.Equal("Created\n", run.Out);
        var check = await InfoAsync(cli, "check-cpu");
        Assert.Equal("check-cpu.rb -w 75", check["command"]!.GetValue<string>());
        Assert.Equal(60, check["interval"]!.GetValue<int>());
        Assert.Equal(["linux", "web"], check["subscriptions"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["slack"], check["handlers"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["cpu-asset"], check["runtime_assets"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(30, check["timeout"]!.GetValue<int>());
        Assert.Equal(120, check["ttl"]!.GetValue<int>());
        Assert.True(check["publish"]!.GetValue<bool>());
        Assert.True(check["round_robin"]!.GetValue<bool>());
        Assert.False(check["stdin"]!.GetValue<bool>());
        Assert.Equal("nagios_perfdata", check["output_metric_format"]!.GetValue<string>());
        Assert.Equal("default", check["metadata"]!["namespace"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("check create c1 --interval 60", "required flag(s) \"command\", \"subscriptions\" not set")]
    [InlineData("check create c1 --command x --subscriptions linux", "must specify --interval or --cron")]
    [InlineData("check create c1 --command x --subscriptions linux --interval 60 --cron '* * * * *'", "cannot specify --interval and --cron at the same time")]
    [InlineData("check create c1 --command x --subscriptions linux --interval soon", "invalid interval \"soon\"")]
    [InlineData("check create --command x --subscriptions linux --interval 60", "NAME is required")]
    [InlineData("check create c1 --command x --subscriptions linux --cron nonsense", "cron")]
    public async Task Create_WithoutWhatSensuRequires_Fails_WithoutPrompting(string commandLine, string error)
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = (await cli.RunAsync(commandLine)).AssertFailure();

        Assert.Contains(error, run.Error);
        Assert.DoesNotContain("c1", (await cli.RunAsync("check list")).Out);
    }

    [Fact]
    public async Task Create_Interactive_AsksSensusQuestions_FlagsAsDefaults()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var questions = new StringWriter();
        // Name, Namespace, Command, Interval, Cron, Timeout, TTL, Subscriptions, Handlers, Runtime Assets, Publish,
        // Proxy Entity Name, STDIN, High Flap, Low Flap, Metric Format, Metric Handlers, Round Robin.
        var answers = string.Join('\n', "check-mem", "", "check-mem.sh", "", "", "", "", "linux", "", "", "false", "", "", "", "", "none", "", "");
        cli.Prompter = new LinePrompter(new StringReader(answers + "\n"), questions);

        (await cli.RunAsync("check create --interactive --interval 30")).AssertSuccess();

        Assert.Contains("? Command: ", questions.ToString());
        Assert.Contains("? Interval (30): ", questions.ToString());
        Assert.Contains("? Publish (true): ", questions.ToString());
        var check = await InfoAsync(cli, "check-mem");
        Assert.Equal("check-mem.sh", check["command"]!.GetValue<string>());
        Assert.Equal(30, check["interval"]!.GetValue<int>());
        Assert.False(check["publish"]!.GetValue<bool>());
        Assert.Equal("", check["output_metric_format"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public async Task Create_MissingFlags_OnATerminal_Asks_ButInteractiveFalse_DoesNot()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var answers = string.Join('\n', "c2", "", "run.sh", "10", "", "", "", "linux", "", "", "", "", "", "", "", "", "", "");
        cli.Prompter = new LinePrompter(new StringReader(answers + "\n"), TextWriter.Null);

        (await cli.RunAsync("check create c3 --interactive=false --interval 10")).AssertFailure();
        (await cli.RunAsync("check create")).AssertSuccess();

        Assert.Equal("run.sh", (await InfoAsync(cli, "c2"))["command"]!.GetValue<string>());
    }

    [Fact]
    public async Task SetAndRemoveVerbs_ChangeOneField()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("check create c --command x --interval 60 --subscriptions linux --handlers slack --ttl 100 --timeout 10")).AssertSuccess();

        Assert.Equal("Updated\n", (await cli.RunAsync("check set-command c 'check-cpu -w 80'")).AssertSuccess().Out);
        (await cli.RunAsync("check set-subscriptions c linux,windows")).AssertSuccess();
        (await cli.RunAsync("check set-cron c '*/5 * * * *'")).AssertSuccess();
        (await cli.RunAsync("check set-publish c false")).AssertSuccess();
        (await cli.RunAsync("check set-stdin c true")).AssertSuccess();
        (await cli.RunAsync("check set-high-flap-threshold c 60")).AssertSuccess();
        (await cli.RunAsync("check set-low-flap-threshold c 20")).AssertSuccess();
        (await cli.RunAsync("check set-proxy-entity-name c router")).AssertSuccess();
        (await cli.RunAsync("check set-output-metric-handlers c influx")).AssertSuccess();
        (await cli.RunAsync("check set-runtime-assets c a1,a2")).AssertSuccess();
        Assert.Equal("Removed\n", (await cli.RunAsync("check remove-handlers c")).AssertSuccess().Out);
        (await cli.RunAsync("check remove-ttl c")).AssertSuccess();

        var check = await InfoAsync(cli, "c");
        Assert.Equal("check-cpu -w 80", check["command"]!.GetValue<string>());
        Assert.Equal(["linux", "windows"], check["subscriptions"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("*/5 * * * *", check["cron"]!.GetValue<string>());
        Assert.Equal(0, check["interval"]!.GetValue<int>());
        Assert.False(check["publish"]!.GetValue<bool>());
        Assert.True(check["stdin"]!.GetValue<bool>());
        Assert.Equal(60, check["high_flap_threshold"]!.GetValue<int>());
        Assert.Equal("router", check["proxy_entity_name"]!.GetValue<string>());
        Assert.Empty(check["handlers"]?.AsArray() ?? []);
        Assert.Equal(0, check["ttl"]?.GetValue<int>() ?? 0);
        Assert.Equal(10, check["timeout"]!.GetValue<int>());

        (await cli.RunAsync("check set-interval c 30")).AssertSuccess();
        check = await InfoAsync(cli, "c");
        Assert.Equal(30, check["interval"]!.GetValue<int>());
        Assert.True(string.IsNullOrEmpty(check["cron"]?.GetValue<string>()));
        Assert.Contains("invalid interval", (await cli.RunAsync("check set-interval c soon")).AssertFailure().Error);
        (await cli.RunAsync("check set-interval missing 30")).AssertFailure();
    }

    [Fact]
    public async Task Hooks_And_ProxyRequests()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("check create c --command x --interval 60 --subscriptions linux")).AssertSuccess();

        Assert.Equal("Added\n", (await cli.RunAsync("check set-hooks c --type critical --hooks ps,top")).AssertSuccess().Out);
        (await cli.RunAsync("check set-hooks c -t critical -k df")).AssertSuccess();
        Assert.Equal("Removed\n", (await cli.RunAsync("check remove-hook c critical top")).AssertSuccess().Out);
        (await cli.RunAsync("check set-hooks c --type sometimes --hooks ps")).AssertFailure();
        (await cli.RunAsync("check set-proxy-requests c", """{"entity_attributes": ["entity.entity_class == 'proxy'"], "splay": true}""")).AssertSuccess();

        var check = await InfoAsync(cli, "c");
        Assert.Equal(["ps", "df"], check["check_hooks"]![0]!["critical"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(90, check["proxy_requests"]!["splay_coverage"]!.GetValue<int>());
        Assert.True(check["proxy_requests"]!["splay"]!.GetValue<bool>());

        (await cli.RunAsync("check remove-proxy-requests c")).AssertSuccess();
        Assert.Null((await InfoAsync(cli, "c"))["proxy_requests"]);
    }

    [Fact]
    public async Task Update_AsksEveryField_WithCurrentValues()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("check create c --command x --interval 60 --subscriptions linux")).AssertSuccess();
        var questions = new StringWriter();
        // Command, Interval, Cron, Timeout, TTL, Subscriptions, Handlers, Assets, Publish, Proxy, STDIN, High, Low, Format, Metric Handlers, Round Robin.
        var answers = string.Join('\n', "y", "", "", "", "", "", "pagerduty", "", "", "", "", "", "", "", "", "");
        cli.Prompter = new LinePrompter(new StringReader(answers + "\n"), questions);

        Assert.Equal("Updated\n", (await cli.RunAsync("check update c")).AssertSuccess().Out);

        Assert.Contains("? Command (x): ", questions.ToString());
        Assert.Contains("? Subscriptions (linux): ", questions.ToString());
        var check = await InfoAsync(cli, "c");
        Assert.Equal("y", check["command"]!.GetValue<string>());
        Assert.Equal(60, check["interval"]!.GetValue<int>());
        Assert.Equal(["pagerduty"], check["handlers"]!.AsArray().Select(n => n!.GetValue<string>()));
    }
}
