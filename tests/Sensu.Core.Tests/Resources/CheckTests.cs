using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class CheckTests
{
    private static Check Valid() => new()
    {
        Command = "true",
        Interval = 60,
        Publish = true,
        Metadata = new ObjectMeta { Name = "check-cpu" },
    };

    private static string ErrorOf(Action<Check> change)
    {
        var check = Valid();
        change(check);
        return Assert.Throws<ResourceValidationException>(check.Validate).Message;
    }

    [Fact]
    public void Check_in_event_needs_no_namespace() => Valid().Validate();

    [Fact]
    public void Unpublished_check_needs_no_schedule()
    {
        var c = Valid();
        c.Publish = false;
        c.Interval = 0;
        c.Validate();
    }

    [Fact]
    public void Check_rules_use_sensus_messages()
    {
        Assert.Equal("check interval must be greater than or equal to 1", ErrorOf(c => c.Interval = 0));
        Assert.Equal("must only specify either an interval or a cron schedule", ErrorOf(c => c.Cron = "* * * * *"));
        Assert.Equal("check cron string is invalid", ErrorOf(c => { c.Interval = 0; c.Cron = "60 * * * *"; }));
        Assert.Equal("ttl must be greater than check interval", ErrorOf(c => c.Ttl = 60));
        Assert.Equal("minimum ttl is 5 seconds", ErrorOf(c => { c.Publish = false; c.Interval = 0; c.Ttl = 4; }));
        Assert.Equal("MaxOutputSize must be >= 0", ErrorOf(c => c.MaxOutputSize = -1));
        Assert.Equal("check name must not be empty", ErrorOf(c => c.Metadata.Name = null));
        Assert.Equal("invalid flap thresholds", ErrorOf(c => { c.LowFlapThreshold = 50; c.HighFlapThreshold = 50; }));
    }

    [Fact]
    public void Config_converts_to_check_with_copied_fields()
    {
        var config = new CheckConfig
        {
            Command = "x",
            Interval = 10,
            Handlers = ["slack"],
            Secrets = [new SecretReference { Name = "A", Secret = "a" }],
            Metadata = new ObjectMeta { Name = "c", Namespace = "default", Labels = new() { ["k"] = "v" } },
        };
        var check = config.ToCheck();
        Assert.Equal("x", check.Command);
        Assert.Equal(["slack"], check.Handlers);
        Assert.Equal("a", check.Secrets![0].Secret);
        Assert.Equal("v", check.Metadata.Labels!["k"]);
        check.Handlers.Add("other");
        Assert.Single(config.Handlers);
    }

    [Fact]
    public void Result_fields_follow_sensus_always_and_omitempty_rules()
    {
        var json = JsonRoundTrip.Write(Valid(), SensuJsonContext.Default.Check);
        foreach (var always in new[] { "executed", "issued", "output", "status", "history", "total_state_change", "last_ok", "occurrences", "occurrences_watermark", "is_silenced", "secrets", "subdue", "scheduler" })
            Assert.True(json.ContainsKey(always), always);
        foreach (var omitted in new[] { "duration", "state", "silenced", "hooks", "processed_by", "cron", "proxy_requests", "max_output_size" })
            Assert.False(json.ContainsKey(omitted), omitted);
        Assert.Null(json["history"]); // a nil slice without omitempty
    }

    [Fact]
    public void Check_with_results_round_trips()
    {
        const string input = """
            {"command":"check-cpu","handlers":[],"high_flap_threshold":0,"interval":60,"low_flap_threshold":0,"publish":true,
             "runtime_assets":null,"subscriptions":["linux"],"proxy_entity_name":"","check_hooks":[{"non-zero":["ps"]}],"stdin":false,
             "subdue":null,"ttl":0,"timeout":0,"round_robin":false,"duration":1.5,"executed":1700000001,
             "history":[{"status":0,"executed":1699999941},{"status":2,"executed":1700000001}],"issued":1700000000,
             "output":"CRITICAL\n","state":"failing","status":2,"total_state_change":7,"last_ok":1699999941,"occurrences":1,
             "occurrences_watermark":1,"silenced":["linux:check-cpu"],"is_silenced":true,
             "hooks":[{"metadata":{"name":"ps","namespace":"default"},"command":"ps aux","timeout":10,"stdin":false,
                       "runtime_assets":null,"duration":0.2,"executed":1700000002,"issued":1700000001,"output":"...","status":0}],
             "output_metric_format":"","output_metric_handlers":null,"env_vars":null,"metadata":{"name":"check-cpu","namespace":"default"},
             "secrets":null,"pipelines":[],"processed_by":"web-01","scheduler":"memory"}
            """;
        var c = JsonRoundTrip.Read(input, SensuJsonContext.Default.Check);
        c.Validate();
        Assert.Equal("ps aux", c.Hooks![0].Command);
        Assert.Equal(2u, c.History[1].Status);
        var written = JsonRoundTrip.Write(c, SensuJsonContext.Default.Check);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), written), written.ToJsonString());
    }
}
