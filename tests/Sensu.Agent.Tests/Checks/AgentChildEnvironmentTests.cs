using Sensu.Agent.Checks;
using Sensu.Agent.Configuration;
using Sensu.Agent.Tests.Support;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Tests.Checks;

/// <summary>Issue 16: checks and hooks keep the agent's environment minus the agent's own credentials.</summary>
public sealed class AgentChildEnvironmentTests
{
    [Fact]
    public void The_policy_drops_SENSU_PASSWORD_and_any_variable_holding_the_password_but_keeps_the_rest()
    {
        var policy = AgentChildEnvironment.Policy(new AgentOptions { Password = "flag-given-pass" });

        var keys = policy.Select(new Dictionary<string, string>
        {
            ["SENSU_PASSWORD"] = "env-given-pass",
            ["SENSU_USER"] = "agent",
            ["COPY"] = "flag-given-pass",
            ["OPERATOR_VAR"] = "kept",
            ["PATH"] = "/usr/bin",
        }).Keys;

        Assert.Equal(["OPERATOR_VAR", "PATH", "SENSU_USER"], keys);
    }

    [Fact]
    public async Task A_check_and_its_hook_do_not_see_the_agent_password()
    {
        var copy = "AGENT_PASSWORD_COPY_" + Guid.NewGuid().ToString("N");
        var kept = "AGENT_OPERATOR_VAR_" + Guid.NewGuid().ToString("N");
        const string EnvPassword = "env-agent-password-1";
        const string FlagPassword = "flag-agent-password-2";
        Environment.SetEnvironmentVariable("SENSU_PASSWORD", EnvPassword);
        Environment.SetEnvironmentVariable(copy, FlagPassword);
        Environment.SetEnvironmentVariable(kept, "operator-value");
        try
        {
            using var parts = new AgentParts(o => o.Password = FlagPassword);
            var config = new CheckConfig
            {
                Metadata = new ObjectMeta { Name = "env-check", Namespace = "default" },
                Command = "env; exit 2",
                Interval = 10,
                Subscriptions = ["linux"],
                CheckHooks = [new HookList { Type = "critical", Hooks = ["env-hook"] }],
            };
            var request = new CheckRequest
            {
                Config = config,
                Issued = 1000,
                Hooks = [new HookConfig { Metadata = new ObjectMeta { Name = "env-hook", Namespace = "default" }, Command = "env", Timeout = 10 }],
            };

            var ev = await parts.Executor.ExecuteAsync(request, CancellationToken.None);

            foreach (var (who, output) in new[] { ("check", ev.Check!.Output), ("hook", ev.Check.Hooks![0].Output) })
            {
                Assert.Contains(kept + "=operator-value", output, StringComparison.Ordinal);
                Assert.Contains("PATH=", output, StringComparison.Ordinal);
                Assert.DoesNotContain("SENSU_PASSWORD=", output, StringComparison.Ordinal);
                Assert.DoesNotContain(EnvPassword, output, StringComparison.Ordinal);
                Assert.False(output.Contains(FlagPassword, StringComparison.Ordinal), $"the {who} sees the agent password");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable("SENSU_PASSWORD", null);
            Environment.SetEnvironmentVariable(copy, null);
            Environment.SetEnvironmentVariable(kept, null);
        }
    }
}
