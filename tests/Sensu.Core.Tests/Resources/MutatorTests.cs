using System.Text.Json.Nodes;
using Sensu.Core.Json;
using Sensu.Core.Meta;
using Sensu.Core.Resources.Core;
using Sensu.Core.Validation;

namespace Sensu.Core.Tests.Resources;

public sealed class MutatorTests
{
    private static Mutator Valid() => new()
    {
        Command = "example_mutator.go",
        Metadata = new ObjectMeta { Name = "m", Namespace = "default" },
    };

    private static string ErrorOf(Action<Mutator> change)
    {
        var mutator = Valid();
        change(mutator);
        return Assert.Throws<ResourceValidationException>(mutator.Validate).Message;
    }

    [Fact]
    public void Pipe_and_javascript_mutators_pass()
    {
        Valid().Validate();
        var js = Valid();
        js.Type = Mutator.JavaScriptType;
        js.Command = null;
        js.Eval = "return 'hello'";
        js.Validate();
        Assert.True(js.IsJavaScript);
    }

    [Fact]
    public void Mutator_rules_reject_bad_combinations()
    {
        Assert.Equal("\"command\" used with javascript mutator, should be \"eval\"", ErrorOf(m => { m.Type = "javascript"; m.Eval = "x"; }));
        Assert.Equal("mutator command or eval must be set", ErrorOf(m => m.Command = null));
        Assert.Equal("mutator command or eval must be set", ErrorOf(m => { m.Type = "javascript"; m.Command = null; }));
        Assert.Equal("invalid mutator type \"lua\", valid types are \"javascript, pipe\"", ErrorOf(m => m.Type = "lua"));
        Assert.Equal("mutator name cannot contain spaces or special characters", ErrorOf(m => m.Metadata.Name = "a/b"));
        Assert.Equal("namespace must be set", ErrorOf(m => m.Metadata.Namespace = null));
        var envVars = Valid();
        envVars.EnvVars = ["A="];
        envVars.Validate(); // Sensu's Mutator.Validate does not look at env_vars
    }

    [Fact]
    public void Minimal_mutator_writes_secrets_null()
    {
        var json = JsonRoundTrip.Write(Valid(), SensuJsonContext.Default.Mutator);
        Assert.Equal(["command", "env_vars", "metadata", "runtime_assets", "secrets", "timeout"], JsonRoundTrip.Keys(json).Order(StringComparer.Ordinal));
        Assert.Null(json["secrets"]);
    }

    [Fact]
    public void Javascript_mutator_round_trips()
    {
        const string input = """
            {"metadata":{"name":"js","namespace":"default"},"type":"javascript","eval":"event.check.output = 'x'","timeout":0,
             "env_vars":null,"runtime_assets":null,"secrets":null}
            """;
        var m = JsonRoundTrip.Read(input, SensuJsonContext.Default.Mutator);
        m.Validate();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonRoundTrip.Write(m, SensuJsonContext.Default.Mutator)));
    }
}
