using Microsoft.Extensions.Logging;
using Sensu.Core.Configuration;

namespace Sensu.Core.Tests.Configuration;

/// <summary>The one start-up error path: expected failures are one line and an exit code; bugs propagate.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_settings_failure_is_one_line_and_exit_code_2()
    {
        using var error = new StringWriter();
        var code = await StartupFailure.RunAsync(_ => throw new SettingsException("port: bad\nsecond line"), null, error, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Equal("error: port: bad second line" + Environment.NewLine, error.ToString());
    }

    [Fact]
    public async Task An_io_failure_such_as_a_port_in_use_exits_1()
    {
        using var error = new StringWriter();
        var code = await StartupFailure.RunAsync(_ => throw new IOException("Failed to bind to address http://127.0.0.1:1: address already in use."), null, error, CancellationToken.None);
        Assert.Equal(1, code);
        Assert.Equal("error: Failed to bind to address http://127.0.0.1:1: address already in use.", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task A_program_names_its_own_expected_failures()
    {
        using var error = new StringWriter();
        var code = await StartupFailure.RunAsync(_ => throw new TimeoutException("store busy"), e => e is TimeoutException ? 7 : null, error, CancellationToken.None);
        Assert.Equal(7, code);
        Assert.Equal("error: store busy", error.ToString().TrimEnd());
    }

    [Fact]
    public async Task An_unexpected_failure_propagates_and_success_returns_the_programs_code()
    {
        using var error = new StringWriter();
        await Assert.ThrowsAsync<InvalidOperationException>(() => StartupFailure.RunAsync(_ => throw new InvalidOperationException("bug"), null, error, CancellationToken.None));
        Assert.Equal(0, await StartupFailure.RunAsync(_ => Task.FromResult(0), null, error, CancellationToken.None));
        Assert.Empty(error.ToString());
    }

    [Theory]
    [InlineData("trace", LogLevel.Trace, LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug, LogLevel.Debug)]
    [InlineData("info", LogLevel.Information, LogLevel.Warning)]
    [InlineData("warn", LogLevel.Warning, LogLevel.Warning)]
    [InlineData("WARNING", LogLevel.Warning, LogLevel.Warning)]
    [InlineData("error", LogLevel.Error, LogLevel.Warning)]
    [InlineData("panic", LogLevel.Critical, LogLevel.Warning)]
    public void Sensu_log_levels_map_onto_dotnets(string level, LogLevel ours, LogLevel framework)
    {
        Assert.Equal(ours, SensuLogLevels.FromSensu(level));
        Assert.Equal(framework, SensuLogLevels.Framework(level));
    }
}
