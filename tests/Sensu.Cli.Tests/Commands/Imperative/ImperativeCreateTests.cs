using System.Text.Json.Nodes;
using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Imperative;

/// <summary>handler, filter, mutator, hook, asset and entity <c>create</c>/<c>update</c>, each checked on what reached the backend.</summary>
public sealed class ImperativeCreateTests : IAsyncLifetime
{
    private TestBackend _backend = null!;
    private readonly CliHarness _cli = new();

    public async Task InitializeAsync()
    {
        _backend = await TestBackend.StartAsync();
        await _cli.ConfigureAsync(_backend);
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _backend.DisposeAsync();
    }

    private async Task<JsonNode> InfoAsync(string type, string name) =>
        JsonNode.Parse((await _cli.RunAsync($"{type} info {name} --format json")).AssertSuccess().Out)!;

    private static string[] Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];

    [Fact]
    public async Task Handler_PipeTcpAndSet()
    {
        Assert.Equal("Created\n", (await _cli.RunAsync(["handler", "create", "slack", "--command", "sensu-slack-handler --channel '#ops'", "--filters", "is_incident,not_silenced",
            "-m", "only_check_output", "--env-vars", "A=1,B=2", "-r", "slack-asset", "-i", "15"])).AssertSuccess().Out);
        (await _cli.RunAsync("handler create graphite --type TCP --socket-host 10.0.1.99 --socket-port 2003")).AssertSuccess();
        (await _cli.RunAsync("handler create all --type set --handlers slack,graphite")).AssertSuccess();

        var pipe = await InfoAsync("handler", "slack");
        Assert.Equal("pipe", pipe["type"]!.GetValue<string>());
        Assert.Equal("sensu-slack-handler --channel '#ops'", pipe["command"]!.GetValue<string>());
        Assert.Equal(["is_incident", "not_silenced"], Strings(pipe["filters"]));
        Assert.Equal("only_check_output", pipe["mutator"]!.GetValue<string>());
        Assert.Equal(["A=1", "B=2"], Strings(pipe["env_vars"]));
        Assert.Equal(15, pipe["timeout"]!.GetValue<int>());
        var tcp = await InfoAsync("handler", "graphite");
        Assert.Equal("tcp", tcp["type"]!.GetValue<string>());
        Assert.Equal("10.0.1.99", tcp["socket"]!["host"]!.GetValue<string>());
        Assert.Equal(2003, tcp["socket"]!["port"]!.GetValue<int>());
        Assert.Equal(["slack", "graphite"], Strings((await InfoAsync("handler", "all"))["handlers"]));
        (await _cli.RunAsync("handler create bad --type carrier-pigeon")).AssertFailure();
    }

    [Fact]
    public async Task Handler_Update_AsksByType()
    {
        (await _cli.RunAsync("handler create graphite --type tcp --socket-host 10.0.1.99 --socket-port 2003")).AssertSuccess();
        var questions = new StringWriter();
        // Env vars, Filters, Mutator, Timeout, Type, Runtime Assets, then (tcp) Socket Host, Socket Port.
        _cli.Prompter = new LinePrompter(new StringReader(string.Join('\n', "", "", "", "", "", "", "10.0.1.100", "") + "\n"), questions);

        Assert.Equal("Updated\n", (await _cli.RunAsync("handler update graphite")).AssertSuccess().Out);

        Assert.Contains("? Socket Port (2003): ", questions.ToString());
        Assert.DoesNotContain("? Command", questions.ToString());
        var tcp = await InfoAsync("handler", "graphite");
        Assert.Equal("10.0.1.100", tcp["socket"]!["host"]!.GetValue<string>());
        Assert.Equal(2003, tcp["socket"]!["port"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filter_Mutator_Hook_WithSensuDefaults()
    {
        (await _cli.RunAsync(["filter", "create", "prod", "--action", "allow", "--expressions", "event.entity.labels.env == 'prod',event.check.occurrences == 1"])).AssertSuccess();
        (await _cli.RunAsync("filter create nothing --action maybe --expressions x")).AssertFailure();
        (await _cli.RunAsync("mutator create to-influx --command influx-mutator -t 5 --env-vars K=V")).AssertSuccess();
        (await _cli.RunAsync(["mutator", "create", "js", "--type", "javascript", "--eval", "return JSON.stringify(event)"])).AssertSuccess();
        (await _cli.RunAsync(["hook", "create", "ps", "--command", "ps aux"])).AssertSuccess();
        (await _cli.RunAsync(["hook", "create", "top", "-c", "top -b -n1", "-t", "5", "-s"])).AssertSuccess();

        var filter = await InfoAsync("filter", "prod");
        Assert.Equal("allow", filter["action"]!.GetValue<string>());
        Assert.Equal(["event.entity.labels.env == 'prod'", "event.check.occurrences == 1"], Strings(filter["expressions"]));
        var mutator = await InfoAsync("mutator", "to-influx");
        Assert.Equal("influx-mutator", mutator["command"]!.GetValue<string>());
        Assert.Equal(5, mutator["timeout"]!.GetValue<int>());
        Assert.Equal("javascript", (await InfoAsync("mutator", "js"))["type"]!.GetValue<string>());
        var ps = await InfoAsync("hook", "ps");
        Assert.Equal(60, ps["timeout"]!.GetValue<int>());
        Assert.False(ps["stdin"]!.GetValue<bool>());
        var top = await InfoAsync("hook", "top");
        Assert.Equal(5, top["timeout"]!.GetValue<int>());
        Assert.True(top["stdin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Asset_RequiresUrlAndChecksum_AndRepeatsFilter()
    {
        var sha = new string('a', 128);
        Assert.Contains("required flag(s) \"sha512\" not set", (await _cli.RunAsync("asset create cpu --url https://assets.example/cpu.tar.gz")).AssertFailure().Error);
        (await _cli.RunAsync(["asset", "create", "cpu", "--url", "https://assets.example/cpu.tar.gz", "--sha512", sha,
            "--filter", "entity.system.os == 'linux'", "--filter", "entity.system.arch == 'amd64'"])).AssertSuccess();

        var asset = await InfoAsync("asset", "cpu");
        Assert.Equal("https://assets.example/cpu.tar.gz", asset["url"]!.GetValue<string>());
        Assert.Equal(sha, asset["sha512"]!.GetValue<string>());
        Assert.Equal(["entity.system.os == 'linux'", "entity.system.arch == 'amd64'"], Strings(asset["filters"]));
    }

    [Fact]
    public async Task Entity_Create_And_InteractiveUpdate()
    {
        (await _cli.RunAsync("entity create router-01 --entity-class proxy --subscriptions network,snmp")).AssertSuccess();
        var entity = await InfoAsync("entity", "router-01");
        Assert.Equal("proxy", entity["entity_class"]!.GetValue<string>());
        Assert.Contains("network", Strings(entity["subscriptions"]));

        _cli.Prompter = new LinePrompter(new StringReader("\nnetwork,snmp,core\n"), TextWriter.Null);
        (await _cli.RunAsync("entity update router-01")).AssertSuccess();

        Assert.Contains("core", Strings((await InfoAsync("entity", "router-01"))["subscriptions"]));
    }

    [Fact]
    public async Task Update_WithoutTerminal_Fails()
    {
        (await _cli.RunAsync(["hook", "create", "ps", "--command", "ps aux"])).AssertSuccess();

        Assert.Contains("interactive mode needs a terminal", (await _cli.RunAsync("hook update ps")).AssertFailure().Error);
    }
}
