using Sensu.Backend.Tests.Support;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Env;

public sealed class EnvCommandTests
{
    private static readonly string[] Names =
    [
        "SENSU_API_URL", "SENSU_NAMESPACE", "SENSU_FORMAT", "SENSU_API_KEY", "SENSU_ACCESS_TOKEN", "SENSU_ACCESS_TOKEN_EXPIRES_AT",
        "SENSU_REFRESH_TOKEN", "SENSU_TRUSTED_CA_FILE", "SENSU_INSECURE_SKIP_TLS_VERIFY", "SENSU_TIMEOUT",
    ];

    [Fact]
    public async Task Bash_ExportsEverySetting_WithAFreshToken_ThatWorks()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = (await cli.RunAsync("env --shell bash")).AssertSuccess();

        var lines = run.Out.Split('\n');
        foreach (var name in Names)
            Assert.Contains(lines, l => l.StartsWith($"export {name}=\"", StringComparison.Ordinal) && l.EndsWith('"'));
        Assert.Contains($"export SENSU_API_URL=\"{backend.BaseAddress.ToString().TrimEnd('/')}\"", lines);
        Assert.Contains("export SENSU_INSECURE_SKIP_TLS_VERIFY=\"false\"", lines);
        Assert.Contains("# eval $(sensuctl env --shell bash)", lines);
        var token = Value(lines, "export SENSU_ACCESS_TOKEN=\"");
        Assert.NotEmpty(token);

        using var fresh = new CliHarness();
        fresh.Environment["SENSU_API_URL"] = backend.BaseAddress.ToString().TrimEnd('/');
        fresh.Environment["SENSU_ACCESS_TOKEN"] = token;
        (await fresh.RunAsync("namespace list")).AssertSuccess();
    }

    [Theory]
    [InlineData("cmd", "SET SENSU_NAMESPACE=default", "REM Run this command")]
    [InlineData("powershell", "$Env:SENSU_NAMESPACE = \"default\"", "| Invoke-Expression")]
    public async Task OtherShells_UseTheirSyntax(string shell, string line, string hint)
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);

        var run = (await cli.RunAsync($"env --shell {shell}")).AssertSuccess();

        Assert.Contains(line, run.Out.Split('\n'));
        Assert.Contains(hint, run.Out);
    }

    [Fact]
    public async Task ShellVariable_PicksTheSyntax_AndUnknownShellFlagFails()
    {
        using var cli = new CliHarness();
        cli.Environment["SHELL"] = "/usr/bin/powershell";

        Assert.Contains("$Env:SENSU_API_URL = \"http://localhost:8080\"", (await cli.RunAsync("env")).AssertSuccess().Out);
        (await cli.RunAsync("env --shell fish")).AssertFailure();
    }

    private static string Value(string[] lines, string prefix) => lines.Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..^1];
}
