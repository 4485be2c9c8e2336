using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class CheckConfigTests
{
    private static CheckConfig Valid() => new()
    {
        Command = "check-cpu -w 75",
        Interval = 60,
        Publish = true,
        Subscriptions = ["linux"],
        Metadata = new ObjectMeta { Name = "check-cpu", Namespace = "default" },
    };

    private static string ErrorOf(Action<CheckConfig> change)
    {
        var check = Valid();
        change(check);
        return Assert.Throws<ResourceValidationException>(check.Validate).Message;
    }

    /// <summary>The message for the same change on the check carried by an event.</summary>
    private static string CheckErrorOf(Action<CheckConfig> change)
    {
        var config = Valid();
        change(config);
        return Assert.Throws<ResourceValidationException>(config.ToCheck().Validate).Message;
    }

    [Fact]
    public void Valid_check_passes() => Valid().Validate();

    [Fact]
    public void Interval_and_cron_together_are_rejected() =>
        Assert.Contains("must only specify either an interval or a cron schedule", ErrorOf(c => c.Cron = "* * * * *"));

    [Fact]
    public void Neither_interval_nor_cron_is_rejected() =>
        Assert.Equal("check interval must be greater than 0 or a valid cron schedule must be provided", ErrorOf(c => c.Interval = 0));

    [Fact]
    public void Cron_alone_is_accepted_and_bad_cron_rejected()
    {
        var c = Valid();
        c.Interval = 0;
        c.Cron = "CRON_TZ=Asia/Tokyo */5 * * * *";
        c.Validate();
        Assert.Equal("check cron string is invalid", ErrorOf(x => { x.Interval = 0; x.Cron = "* * *"; }));
    }

    [Fact]
    public void Ttl_not_above_interval_is_rejected() =>
        Assert.Equal("ttl must be greater than check interval", ErrorOf(c => c.Ttl = 30));

    [Theory]
    [InlineData("bad name", "check name cannot contain spaces or special characters")]
    [InlineData("", "check name must not be empty")]
    public void Bad_names_are_rejected(string name, string message) =>
        Assert.Equal(message, ErrorOf(c => c.Metadata.Name = name));

    [Fact]
    public void Missing_namespace_is_rejected() =>
        Assert.Equal("namespace must be set", ErrorOf(c => c.Metadata.Namespace = null));

    [Fact]
    public void Inverted_flap_thresholds_are_rejected() =>
        Assert.Equal("invalid flap thresholds", ErrorOf(c => { c.LowFlapThreshold = 60; c.HighFlapThreshold = 20; }));

    [Fact]
    public void Env_vars_must_be_key_value() =>
        Assert.Equal("environment variables must be of the form FOO=BAR", ErrorOf(c => c.EnvVars = ["FOO"]));

    [Theory]
    [InlineData("nagios_perfdata")]
    [InlineData("prometheus_text")]
    public void Known_metric_formats_pass(string format)
    {
        var c = Valid();
        c.OutputMetricFormat = format;
        c.Validate();
    }

    [Fact]
    public void Other_rules_use_sensus_messages()
    {
        Assert.Equal("output metric format is not valid", ErrorOf(c => c.OutputMetricFormat = "json"));
        Assert.Equal("subscriptions cannot be empty strings", ErrorOf(c => c.Subscriptions = ["linux", ""]));
        Assert.Equal("proxy entity name cannot contain spaces or special characters", ErrorOf(c => c.ProxyEntityName = "a b"));
        Assert.Equal("asset's name may only contain letters, forward slashes, underscores, dashes and numbers", ErrorOf(c => c.RuntimeAssets = ["a b"]));
        Assert.Equal("proxy request splay coverage must be greater than 0 if splay is enabled",
            ErrorOf(c => c.ProxyRequests = new ProxyRequests { Splay = true }));
        Assert.Equal("proxy request splay coverage must be between 0 and 100",
            ErrorOf(c => c.ProxyRequests = new ProxyRequests { SplayCoverage = 101 }));
        Assert.StartsWith("syntax error in expression 1: ",
            ErrorOf(c => c.ProxyRequests = new ProxyRequests { EntityAttributes = ["entity.entity_class == 'proxy'", "entity.name =="] }));
        // Sensu's CheckConfig.Validate does not look at check_hooks.
        var hooks = Valid();
        hooks.CheckHooks = [new HookList { Type = "256", Hooks = ["h"] }, new HookList { Type = "critical" }];
        hooks.Validate();
    }

    [Fact]
    public void Metric_thresholds_are_validated_on_checks_in_events_only()
    {
        var config = Valid();
        config.OutputMetricThresholds = [new MetricThreshold { Name = "cpu" }];
        config.Validate(); // Sensu's CheckConfig.Validate does not look at them
        Assert.Equal("invalid metric threshold 0: there must be at least one threshold rule",
            CheckErrorOf(c => c.OutputMetricThresholds = [new MetricThreshold { Name = "cpu" }]));
        Assert.Equal("invalid metric threshold 0: rule 0: One of Min or Max required",
            CheckErrorOf(c => c.OutputMetricThresholds = [new MetricThreshold { Name = "cpu", Thresholds = [new MetricThresholdRule { Status = 1 }] }]));
        Assert.Equal("invalid metric threshold 0: rule 0: Max must be a floating point number",
            CheckErrorOf(c => c.OutputMetricThresholds = [new MetricThreshold { Name = "cpu", Thresholds = [new MetricThresholdRule { Max = "x" }] }]));
    }

    [Fact]
    public void Pipelines_exclude_fallback()
    {
        var c = Valid();
        c.Pipelines = [new ResourceReference { Name = "alerts", Type = "Pipeline", ApiVersion = "core/v2" }];
        c.Validate();
        c.Pipelines = [new ResourceReference { Name = "a", Type = "Handler", ApiVersion = "core/v2" }];
        c.Validate(); // Sensu's CheckConfig.Validate does not check reference types (events do)
        Assert.Equal("cannot have both pipelines and fallback_pipeline defined at the same time", ErrorOf(x =>
        {
            x.Pipelines = [new ResourceReference { Name = "a", Type = "Pipeline", ApiVersion = "core/v2" }];
            x.FallbackPipeline = new ResourceReference { Name = "f", Type = "FallbackPipeline", ApiVersion = "fallback_pipeline/v1" };
        }));
    }

    [Fact]
    public void Subdues_are_validated()
    {
        var c = Valid();
        c.Subdues = [new TimeWindowRepeated { Begin = "2022-04-18T17:00:00-07:00", End = "2022-04-19T08:00:00-07:00", Repeat = ["weekdays"] }];
        c.Validate();
        Assert.Equal("subdue 0 invalid: invalid repeat period: sometimes", ErrorOf(x =>
            x.Subdues = [new TimeWindowRepeated { Begin = "2022-04-18T17:00:00Z", End = "2022-04-19T08:00:00Z", Repeat = ["sometimes"] }]));
        Assert.Equal("subdue 0 invalid: end time must be after begin time", ErrorOf(x =>
            x.Subdues = [new TimeWindowRepeated { Begin = "2022-04-19T17:00:00Z", End = "2022-04-19T08:00:00Z" }]));
    }

    [Fact]
    public void Minimal_check_serialises_sensus_field_set()
    {
        var c = JsonRoundTrip.Read("""{"command":"true","interval":60,"metadata":{"name":"c","namespace":"default"}}""", SensuJsonContext.Default.CheckConfig);
        var json = JsonRoundTrip.Write(c, SensuJsonContext.Default.CheckConfig);
        var keys = JsonRoundTrip.Keys(json).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "check_hooks", "command", "env_vars", "handlers", "high_flap_threshold", "interval", "low_flap_threshold",
                "metadata", "output_metric_format", "output_metric_handlers", "pipelines", "proxy_entity_name", "publish",
                "round_robin", "runtime_assets", "secrets", "stdin", "subdue", "subscriptions", "timeout", "ttl",
            },
            keys);
        Assert.Equal("[]", json["handlers"]!.ToJsonString());
        Assert.Equal("[]", json["subscriptions"]!.ToJsonString());
        Assert.Null(json["secrets"]);
        Assert.True(json.ContainsKey("secrets"));
        Assert.False(json.ContainsKey("cron"));
    }

    [Fact]
    public void Nulls_and_empties_from_json_are_normalised()
    {
        var c = JsonRoundTrip.Read(
            """
            {"command":"","cron":"","handlers":null,"subscriptions":null,"runtime_assets":null,"env_vars":null,
             "check_hooks":null,"output_metric_handlers":null,"proxy_entity_name":null,"output_metric_tags":[],
             "subdues":[],"pipelines":[{"name":"p"}],"secrets":null,"subdue":null,"max_output_size":0,
             "metadata":{"name":"c","namespace":"default"}}
            """, SensuJsonContext.Default.CheckConfig);
        Assert.Null(c.Command);
        Assert.Null(c.Cron);
        Assert.Empty(c.Handlers);
        Assert.Empty(c.Subscriptions);
        Assert.Empty(c.RuntimeAssets);
        Assert.Empty(c.EnvVars);
        Assert.Empty(c.CheckHooks);
        Assert.Empty(c.OutputMetricHandlers);
        Assert.Equal("", c.ProxyEntityName);
        Assert.Null(c.OutputMetricTags);
        Assert.Null(c.Subdues);
        Assert.Equal("core/v2", c.Pipelines[0].ApiVersion);
        Assert.Equal("Pipeline", c.Pipelines[0].Type);
        var json = JsonRoundTrip.Write(c, SensuJsonContext.Default.CheckConfig);
        Assert.False(json.ContainsKey("max_output_size"));
        Assert.False(json.ContainsKey("discard_output"));
        Assert.False(json.ContainsKey("proxy_requests"));
    }

    [Fact]
    public void Full_check_round_trips()
    {
        const string input = """
            {"command":"check-cpu","handlers":["slack"],"high_flap_threshold":60,"interval":0,"low_flap_threshold":20,
             "publish":true,"runtime_assets":["sensu/cpu-checks"],"subscriptions":["linux"],"proxy_entity_name":"site",
             "check_hooks":[{"critical":["h1","h2"]},{"0":["h3"]}],"stdin":true,"subdue":null,"cron":"@hourly","ttl":7200,
             "timeout":10,"proxy_requests":{"entity_attributes":["entity.entity_class == 'proxy'"],"splay":true,"splay_coverage":90},
             "round_robin":true,"output_metric_format":"influxdb_line","output_metric_handlers":["influx"],
             "output_metric_tags":[{"name":"instance","value":"{{ .name }}"}],
             "output_metric_thresholds":[{"name":"mem","tags":null,"null_status":1,"thresholds":[{"min":"","max":"75.0","status":1}]}],
             "env_vars":["A=B"],"metadata":{"name":"c","namespace":"default","labels":{"team":"ops"}},"max_output_size":1024,
             "discard_output":true,"secrets":[{"name":"TOKEN","secret":"token"}],
             "subdues":[{"begin":"2022-04-18T17:00:00-07:00","end":"2022-04-19T08:00:00-07:00","repeat":["weekdays"]}],
             "pipelines":[{"name":"alerts","type":"Pipeline","api_version":"core/v2"}]}
            """;
        var c = JsonRoundTrip.Read(input, SensuJsonContext.Default.CheckConfig);
        c.Validate();
        Assert.Equal("critical", c.CheckHooks[0].Type);
        Assert.Equal(["h1", "h2"], c.CheckHooks[0].Hooks);
        var written = JsonRoundTrip.Write(c, SensuJsonContext.Default.CheckConfig);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), written), written.ToJsonString());
    }
}
