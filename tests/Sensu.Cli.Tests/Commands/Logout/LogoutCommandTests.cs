using Sensu.Backend.Tests.Support;
using Sensu.Cli.Config;
using Sensu.Cli.Tests.Support;

namespace Sensu.Cli.Tests.Commands.Logout;

public sealed class LogoutCommandTests
{
    [Fact]
    public async Task Logout_ClearsTokens_AndRevokesTheRefreshToken()
    {
        await using var backend = await TestBackend.StartAsync();
        using var cli = new CliHarness();
        await cli.ConfigureAsync(backend);
        var files = new ConfigFiles(cli.ConfigDir);
        var before = files.LoadCluster();

        var run = (await cli.RunAsync("logout")).AssertSuccess();

        Assert.Equal("You have been logged out\n", run.Out);
        var after = files.LoadCluster();
        Assert.Null(after.AccessToken);
        Assert.Null(after.RefreshToken);
        Assert.Equal(before.ApiUrl, after.ApiUrl);
        Assert.Contains("not logged in", (await cli.RunAsync("check list")).AssertFailure().Error);

        using var replay = new CliHarness();
        replay.Environment["SENSU_API_URL"] = before.ApiUrl!;
        replay.Environment["SENSU_ACCESS_TOKEN"] = "expired";
        replay.Environment["SENSU_ACCESS_TOKEN_EXPIRES_AT"] = "1";
        replay.Environment["SENSU_REFRESH_TOKEN"] = before.RefreshToken!;
        (await replay.RunAsync("check list")).AssertFailure();
    }
}
