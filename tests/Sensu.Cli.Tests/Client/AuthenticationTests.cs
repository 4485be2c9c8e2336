using Sensu.Backend.Tests.Support;
using System.Text.Json.Nodes;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Client;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task ExpiredAccessToken_IsRefreshed_AndSaved()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var path = Path.Combine(cli.ConfigDir, "cluster");
        var cluster = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        cluster["expires_at"] = 1;
        await File.WriteAllTextAsync(path, cluster.ToJsonString());

        (await cli.RunAsync("namespace list")).AssertSuccess();

        var saved = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(saved["expires_at"]!.GetValue<long>() > 1);
        Assert.False(string.IsNullOrEmpty(saved["refresh_token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ExpiredSession_WithBadRefreshToken_IsOneErrorLine()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var path = Path.Combine(cli.ConfigDir, "cluster");
        var cluster = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        cluster["expires_at"] = 1;
        cluster["refresh_token"] = "not-a-token";
        await File.WriteAllTextAsync(path, cluster.ToJsonString());

        var run = (await cli.RunAsync("check list")).AssertFailure();

        Assert.Contains("sensuctl configure", run.Error);
    }

    [Fact]
    public async Task Forbidden_IsOneErrorLine()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        (await cli.RunAsync("user create bob --password B0b-password")).AssertSuccess();
        using var bob = new CliHarness();
        (await bob.RunAsync($"configure -n --url {backend.BaseAddress} --username bob --password B0b-password")).AssertSuccess();

        var run = (await bob.RunAsync("check list")).AssertFailure();

        Assert.Contains("403", run.Error);
    }

    [Fact]
    public async Task ApiKey_FromEnvironment_Authenticates()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var granted = (await cli.RunAsync("api-key grant admin")).AssertSuccess().Out;
        var key = granted.Trim().Split('/')[^1];
        using var other = new CliHarness();
        other.Environment["SENSU_API_URL"] = backend.BaseAddress.ToString();
        other.Environment["SENSU_API_KEY"] = key;

        (await other.RunAsync("namespace list")).AssertSuccess();
        (await cli.RunAsync($"api-key revoke {key} --skip-confirm")).AssertSuccess();
        (await other.RunAsync("namespace list")).AssertFailure();
    }

    [Fact]
    public async Task NotLoggedIn_IsOneErrorLine()
    {
        using var cli = new CliHarness();

        var run = (await cli.RunAsync("check list")).AssertFailure();

        Assert.Contains("not logged in", run.Error);
    }
}
