using System.Text.Json;
using Sensu.Agent.Checks;
using Sensu.Agent.Tests.Support;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;

namespace Sensu.Agent.Tests.Checks;

public sealed class CheckExecutorTests
{
    private static CheckRequest Request(string command, Action<CheckConfig>? configure = null, long issued = 1000)
    {
        var config = new CheckConfig
        {
            Metadata = new ObjectMeta { Name = "check-under-test", Namespace = "default" },
            Command = command,
            Interval = 10,
            Subscriptions = ["linux"],
            Handlers = ["h"],
        };
        configure?.Invoke(config);
        return new CheckRequest { Config = config, Issued = issued };
    }

    private static async Task<Event> RunAsync(CheckRequest request, Action<Sensu.Agent.Configuration.AgentOptions>? options = null, AllowList? allowList = null)
    {
        using var parts = new AgentParts(options, allowList);
        return await parts.Executor.ExecuteAsync(request, CancellationToken.None);
    }

    [Fact]
    public async Task Runs_the_command_and_fills_the_result()
    {
        var ev = await RunAsync(Request("echo hello; exit 1"));

        Assert.Equal(1u, ev.Check!.Status);
        Assert.Equal("hello\n", ev.Check.Output);
        Assert.Equal(1000, ev.Check.Issued);
        Assert.NotEqual(0, ev.Check.Executed);
        Assert.True(ev.Check.Duration > 0);
        Assert.Equal("agent-under-test", ev.Check.ProcessedBy);
        Assert.Equal("agent-under-test", ev.Entity!.Metadata.Name);
        Assert.Equal(["h"], ev.Check.Handlers);
        Assert.True(Guid.TryParse(ev.Id, out _));
        ev.Validate();
    }

    [Fact]
    public async Task Tokens_are_substituted_against_the_agent_entity()
    {
        var ev = await RunAsync(Request("echo {{ .name }} {{ .labels.foo | default \"bar\" }} {{ .labels.region }}"),
            o => o.Labels["region"] = "eu");

        Assert.Equal(0u, ev.Check!.Status);
        Assert.Equal("agent-under-test bar eu\n", ev.Check.Output);
    }

    [Fact]
    public async Task Unmatched_token_is_a_status_3_failure_event()
    {
        var ev = await RunAsync(Request("echo {{ .labels.missing }}"));

        Assert.Equal(3u, ev.Check!.Status);
        Assert.StartsWith("error while substituting check tokens: command: unmatched token:", ev.Check.Output, StringComparison.Ordinal);
        Assert.Equal("echo {{ .labels.missing }}", ev.Check.Command);
    }

    [Fact]
    public async Task Timeout_kills_the_command_with_status_2()
    {
        var ev = await RunAsync(Request("sleep 5", c => c.Timeout = 1));

        Assert.Equal(2u, ev.Check!.Status);
        Assert.Equal("Execution timed out\n", ev.Check.Output);
        Assert.True(ev.Check.Duration < 4.5);
    }

    [Fact]
    public async Task Environment_has_secrets_and_env_vars_and_stdin_gets_the_event()
    {
        var request = Request("echo \"$SECRET_TOKEN $FOO\"; cat", c =>
        {
            c.EnvVars = ["FOO=from-env-vars"];
            c.Stdin = true;
        });
        request.Secrets = ["SECRET_TOKEN=s3cr3t"];

        var ev = await RunAsync(request);

        var lines = ev.Check!.Output.Split('\n', 2);
        Assert.Equal("s3cr3t from-env-vars", lines[0]);
        var stdin = JsonSerializer.Deserialize(lines[1], SensuJsonContext.Default.Event)!;
        Assert.Equal("check-under-test", stdin.Check!.Metadata.Name);
        Assert.Equal("agent-under-test", stdin.Entity!.Metadata.Name);
    }

    [Fact]
    public async Task A_checks_env_vars_win_over_a_secret_of_the_same_name()
    {
        var request = Request("echo \"$SECRET_TOKEN\"", c => c.EnvVars = ["SECRET_TOKEN=from-env-vars"]);
        request.Secrets = ["SECRET_TOKEN=s3cr3t"];

        var ev = await RunAsync(request);

        Assert.Equal("from-env-vars\n", ev.Check!.Output);
    }

    [Fact]
    public async Task Allow_list_refuses_other_commands_with_status_3()
    {
        var allow = new AllowList([new AllowListEntry { Exec = "echo", Args = ["allowed"] }]);

        var refused = await RunAsync(Request("rm -rf /tmp/nothing"), allowList: allow);
        var wrongArgs = await RunAsync(Request("echo other"), allowList: allow);
        var allowed = await RunAsync(Request("echo allowed"), allowList: allow);

        Assert.Equal(3u, refused.Check!.Status);
        Assert.Contains("not allowed by the agent allow list", refused.Check.Output, StringComparison.Ordinal);
        Assert.Equal(3u, wrongArgs.Check!.Status);
        Assert.Equal(0u, allowed.Check!.Status);
        Assert.Equal("allowed\n", allowed.Check.Output);
    }

    [Fact]
    public async Task Allow_list_loads_from_yaml_and_checks_sha512()
    {
        var path = Path.GetTempFileName();
        try
        {
            var sh = File.ReadAllBytes("/bin/sh");
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA512.HashData(sh));
            File.WriteAllText(path, $"- exec: /bin/sh\n  sha512: {sha}\n  enable_env: true\n- exec: /bin/true\n  sha512: {new string('0', 128)}\n");
            var allow = AllowList.Load(path);

            Assert.NotNull(allow.Match("/bin/sh -c 'exit 0'"));
            Assert.True(allow.Match("/bin/sh")!.EnableEnv);
            Assert.Null(allow.Match("/bin/true"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Hooks_run_by_status_once_each_and_missing_hooks_are_reported()
    {
        var request = Request("echo out; exit 2", c => c.CheckHooks =
        [
            new HookList { Type = "critical", Hooks = ["h1", "missing"] },
            new HookList { Type = "non-zero", Hooks = ["h1", "h2"] },
            new HookList { Type = "ok", Hooks = ["never"] },
        ]);
        request.Hooks =
        [
            new HookConfig { Metadata = new ObjectMeta { Name = "h1", Namespace = "default" }, Command = "echo hook1 {{ .name }}", Timeout = 10 },
            new HookConfig { Metadata = new ObjectMeta { Name = "h2", Namespace = "default" }, Command = "exit 4", Timeout = 10 },
            new HookConfig { Metadata = new ObjectMeta { Name = "never", Namespace = "default" }, Command = "echo never", Timeout = 10 },
        ];

        var ev = await RunAsync(request);

        var hooks = ev.Check!.Hooks!;
        Assert.Equal(["h1", "missing", "h2"], hooks.Select(h => h.Metadata.Name));
        Assert.Equal("hook1 agent-under-test\n", hooks[0].Output);
        Assert.Equal(0, hooks[0].Status);
        Assert.Equal(3, hooks[1].Status);
        Assert.Contains("hook does not exist", hooks[1].Output, StringComparison.Ordinal);
        Assert.Equal(4, hooks[2].Status);
    }

    [Fact]
    public async Task Metrics_are_extracted_then_output_discarded()
    {
        var ev = await RunAsync(Request("echo 'cpu.user 12.5 1700000000'; echo 'cpu.sys 3 1700000001'", c =>
        {
            c.OutputMetricFormat = "graphite_plaintext";
            c.OutputMetricHandlers = ["influx"];
            c.OutputMetricTags = [new MetricTag { Name = "env", Value = "prod" }];
            c.DiscardOutput = true;
        }));

        Assert.Equal("", ev.Check!.Output);
        Assert.Equal(["influx"], ev.Metrics!.Handlers);
        Assert.Equal(2, ev.Metrics.Points.Count);
        Assert.Equal(("cpu.user", 12.5, 1700000000L), (ev.Metrics.Points[0].Name, ev.Metrics.Points[0].Value, ev.Metrics.Points[0].Timestamp));
        Assert.All(ev.Metrics.Points, p => Assert.Contains(p.Tags, t => t.Name == "env" && t.Value == "prod"));
    }

    [Fact]
    public async Task Output_metric_thresholds_turn_an_ok_run_critical()
    {
        var ev = await RunAsync(Request("echo 'disk.used 97 1700000000'", c =>
        {
            c.OutputMetricFormat = "graphite_plaintext";
            c.OutputMetricThresholds = [new MetricThreshold { Name = "disk.used", Thresholds = [new MetricThresholdRule { Max = "90", Status = 2 }] }];
        }));

        Assert.Equal(2u, ev.Check!.Status);
        Assert.Equal("The value of disk.used exceeded the configured threshold (max: 90, actual: 97).",
            ev.Metadata.Annotations!["sensu.io/notifications/critical"]);
        Assert.Contains("sensu.io/output_metric_thresholds/disk.used/max/critical", ev.Metadata.Annotations.Keys);
    }

    [Fact]
    public async Task Assets_without_an_installer_or_disabled_fail_with_status_3()
    {
        var request = Request("true", c => c.RuntimeAssets = ["tool"]);
        request.Assets = [new Asset { Metadata = new ObjectMeta { Name = "tool", Namespace = "default" }, Url = "http://127.0.0.1:1/x.tar.gz", Sha512 = new string('a', 128) }];

        var disabled = await RunAsync(request, o => o.DisableAssets = true);

        Assert.Equal(3u, disabled.Check!.Status);
        Assert.Contains("disabled", disabled.Check.Output, StringComparison.Ordinal);
    }
}
