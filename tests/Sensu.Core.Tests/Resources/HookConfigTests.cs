using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class HookConfigTests
{
    private static HookConfig Valid() => new()
    {
        Command = "ps aux",
        Timeout = 60,
        Metadata = new ObjectMeta { Name = "process_tree", Namespace = "default" },
    };

    private static string ErrorOf(Action<HookConfig> change)
    {
        var hook = Valid();
        change(hook);
        return Assert.Throws<ResourceValidationException>(hook.Validate).Message;
    }

    [Fact]
    public void Valid_hook_passes() => Valid().Validate();

    [Fact]
    public void Hook_rules_use_sensus_messages()
    {
        Assert.Equal("command cannot be empty", ErrorOf(h => h.Command = null));
        Assert.Equal("hook timeout must be greater than 0", ErrorOf(h => h.Timeout = 0));
        Assert.Equal("hook name cannot contain spaces or special characters", ErrorOf(h => h.Metadata.Name = "a b"));
        Assert.Equal("namespace must be set", ErrorOf(h => h.Metadata.Namespace = ""));
    }

    [Fact]
    public void Minimal_hook_writes_always_fields_and_omits_empty_command()
    {
        var json = JsonRoundTrip.Write(new HookConfig { Metadata = new ObjectMeta { Name = "h" } }, SensuJsonContext.Default.HookConfig);
        Assert.Equal(["metadata", "runtime_assets", "stdin", "timeout"], JsonRoundTrip.Keys(json).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Hook_round_trips_and_converts_to_result()
    {
        const string input = """{"metadata":{"name":"h","namespace":"default"},"command":"ps","timeout":10,"stdin":true,"runtime_assets":["a"]}""";
        var hook = JsonRoundTrip.Read(input, SensuJsonContext.Default.HookConfig);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonRoundTrip.Write(hook, SensuJsonContext.Default.HookConfig)));
        var result = hook.ToResult();
        Assert.Equal("ps", result.Command);
        Assert.Equal("h", result.Metadata.Name);
        result.Validate();
    }

    [Theory]
    [InlineData("ok", 0u, true)]
    [InlineData("ok", 1u, false)]
    [InlineData("warning", 1u, true)]
    [InlineData("critical", 2u, true)]
    [InlineData("unknown", 3u, true)]
    [InlineData("unknown", 127u, true)]
    [InlineData("non-zero", 0u, false)]
    [InlineData("non-zero", 5u, true)]
    [InlineData("42", 42u, true)]
    [InlineData("42", 2u, false)]
    public void Hook_list_matches_statuses(string type, uint status, bool expected) =>
        Assert.Equal(expected, new HookList { Type = type, Hooks = ["h"] }.Matches(status));

    [Theory]
    [InlineData("0")]
    [InlineData("255")]
    [InlineData("non-zero")]
    public void Hook_list_types_are_accepted(string type) => new HookList { Type = type, Hooks = ["h"] }.Validate();

    [Theory]
    [InlineData("256")]
    [InlineData("01")]
    [InlineData("fatal")]
    public void Hook_list_types_are_rejected(string type) =>
        Assert.Throws<ResourceValidationException>(new HookList { Type = type, Hooks = ["h"] }.Validate);

    [Fact]
    public void Hook_list_uses_sensus_json_shape()
    {
        var c = JsonRoundTrip.Read("""{"check_hooks":[{"critical":["a","b"]},{"1":null}]}""", SensuJsonContext.Default.CheckConfig);
        Assert.Equal("critical", c.CheckHooks[0].Type);
        Assert.Equal(["a", "b"], c.CheckHooks[0].Hooks);
        Assert.Equal("1", c.CheckHooks[1].Type);
        Assert.Empty(c.CheckHooks[1].Hooks);
        var json = JsonRoundTrip.Write(c, SensuJsonContext.Default.CheckConfig);
        Assert.Equal("""[{"critical":["a","b"]},{"1":[]}]""", json["check_hooks"]!.ToJsonString());
    }
}
