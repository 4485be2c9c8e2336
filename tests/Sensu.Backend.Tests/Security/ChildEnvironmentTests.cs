using Sensu.Testing.Processes;

namespace Sensu.Backend.Tests.Security;

/// <summary>
/// Issue 16, point 1, with the real backend process (<see cref="ChildEnvironmentWorld"/>): pipe handlers and pipe
/// mutators start from the allow-listed base environment, plus what is granted to them; never a
/// <c>SENSU_BACKEND_*</c> variable, the admin password, or a variable the Env provider could serve that no Secret
/// brings. The backend's log holds none of those values either.
/// </summary>
public sealed class ChildEnvironmentTests(ChildEnvironmentWorld world) : IClassFixture<ChildEnvironmentWorld>
{
    [Fact]
    public void Pipe_handler_gets_the_granted_secret_and_path_and_nothing_of_the_backend()
    {
        AssertGrantedOnly(ChildEnvironmentWorld.ReadDump(world.HandlerDump), "the pipe handler");
    }

    [Fact]
    public void Pipe_mutator_gets_the_granted_secret_and_path_and_nothing_of_the_backend()
    {
        AssertGrantedOnly(ChildEnvironmentWorld.ReadDump(world.MutatorDump), "the pipe mutator");
        AssertGrantedOnly(ChildEnvironmentWorld.ReadDump(world.FailingMutatorDump), "the failing pipe mutator");
    }

    [Fact]
    public void Backend_log_holds_neither_the_admin_password_nor_the_canary_nor_the_granted_value()
    {
        var log = world.Log;
        // The dumps were logged (handler output, mutated input printed by a handler, the failing mutator's error).
        Assert.Contains("event pipe handler executed", log, StringComparison.Ordinal);
        Assert.Contains(ChildEnvironmentWorld.HandlerEnvName + "=REDACTED", log, StringComparison.Ordinal);
        Assert.DoesNotContain(BackendProcess.AdminPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Canary, log, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Granted, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allow_listing_a_variable_the_Env_provider_could_serve_stops_the_backend_at_start()
    {
        var dir = Directory.CreateTempSubdirectory("sensu-child-env-refused-").FullName;
        var start = DotnetChild.StartInfo(BackendLocator.Find(), dir,
            ["start", "--state-dir", Path.Combine(dir, "state"), "--cache-dir", Path.Combine(dir, "cache"),
             "--child-env-allow-list", "PATH," + ChildEnvironmentWorld.CanaryVariable]);
        start.Environment[ChildEnvironmentWorld.CanaryVariable] = world.Canary;
        var log = new ProcessLog();
        var process = DotnetChild.Start(start, log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int exitCode;
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            process.WaitForExit(); // the output handlers have run
            exitCode = process.ExitCode;
        }
        finally
        {
            await DotnetChild.KillAndDeleteAsync(process, dir);
        }
        Assert.Equal(2, exitCode);
        var text = log.Text();
        Assert.Contains("child-env-allow-list: " + ChildEnvironmentWorld.CanaryVariable + " may hold a secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Canary, text, StringComparison.Ordinal);
    }

    private void AssertGrantedOnly(IReadOnlyDictionary<string, string> env, string who)
    {
        var dump = string.Join('\n', env.Select(p => p.Key + "=" + p.Value));
        Assert.Equal(world.Granted, env.GetValueOrDefault(ChildEnvironmentWorld.HandlerEnvName));
        Assert.True(env.ContainsKey("PATH"), $"{who} has no PATH:\n{dump}");
        Assert.DoesNotContain(env.Keys, k => k.StartsWith("SENSU_BACKEND_", StringComparison.Ordinal));
        Assert.DoesNotContain(ChildEnvironmentWorld.CanaryVariable, env.Keys);
        Assert.DoesNotContain(ChildEnvironmentWorld.GrantedVariable, env.Keys);
        Assert.DoesNotContain(BackendProcess.AdminPassword, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Canary, dump, StringComparison.Ordinal);
        // Only the allow-list, what sh itself sets (PWD, SHLVL, _) and the grant.
        var expected = new HashSet<string>(Sensu.Execution.ChildEnvironmentPolicy.DefaultAllowList, StringComparer.Ordinal)
        {
            ChildEnvironmentWorld.HandlerEnvName, "PWD", "OLDPWD", "SHLVL", "_",
        };
        Assert.True(env.Keys.All(expected.Contains), $"{who} has unexpected variables: {string.Join(", ", env.Keys.Where(k => !expected.Contains(k)))}");
    }
}
